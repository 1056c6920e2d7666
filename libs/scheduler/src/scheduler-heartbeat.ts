import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@app/core';
import { JobRegistry } from './job-registry';
import { SchedulerHealth } from './scheduler-health';

export const HEARTBEAT_INTERVAL_MS = 30_000;
/** Rows of processes silent this long are pruned; the oldest kept row dates the scheduler's start (see SchedulerHealth). */
const HEARTBEAT_KEEP_DAYS = 30;

/** A job as its scheduling process announces it. */
export interface HeartbeatJob {
  name: string;
  /** Fires every day (possibly more often): it must have succeeded within the last 26 hours. */
  daily: boolean;
}

/** Fires at least once a day: day-of-month, month and day-of-week are all `*`. */
export function firesDaily(cron: string): boolean {
  const fields = cron.trim().split(/\s+/);
  return fields.slice(-3).every((field) => field === '*');
}

/**
 * In a process that runs the scheduler (RUN_JOBS), records every 30 s that it is alive and which
 * jobs it schedules, so that every API process's readiness can tell when nobody runs the jobs.
 */
@Injectable()
export class SchedulerHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SchedulerHeartbeat.name);
  readonly processId = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private startedAt: Date | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly health: SchedulerHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('RUN_JOBS')) return this.announceJobsElsewhere();
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) => this.logger.warn(`Scheduler heartbeat not recorded: ${String(error)}`));
    }, HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Loud on purpose: with DATABASE_URL, RUN_JOBS is off by default, and an API without a worker
   * beside it would never send a reminder or expire a licence.
   */
  private async announceJobsElsewhere(): Promise<void> {
    const { latest, live } = await this.health.state();
    const now =
      live > 0 && latest
        ? `running now: ${latest.host}, pid ${latest.pid} (last beat ${latest.beatAt.toISOString()})`
        : 'NO process runs them now; /health/ready reports degraded until one does';
    this.logger.warn(
      'Scheduled jobs are OFF in this process (RUN_JOBS=false, the default with DATABASE_URL): renewal reminders, licence expiry, ' +
        `deadlines, credit grades and backups run in a worker process, \`npm run start:worker\` (docs/deployment.md); ${now}`,
    );
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Records a beat now; the row is kept after the process stops, so its silence shows. */
  async beat(): Promise<void> {
    const now = this.clock.now();
    this.startedAt ??= now;
    const jobs: HeartbeatJob[] = this.registry.all().map((job) => ({ name: job.name, daily: firesDaily(job.cron) }));
    await this.dataSource.query(
      `INSERT INTO scheduler_heartbeats (process_id, host, pid, started_at, beat_at, jobs) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (process_id) DO UPDATE SET beat_at = EXCLUDED.beat_at, jobs = EXCLUDED.jobs`,
      [this.processId, hostname(), process.pid, this.startedAt, now, JSON.stringify(jobs)],
    );
    await this.dataSource.query(`DELETE FROM scheduler_heartbeats WHERE beat_at < $1`, [new Date(now.getTime() - HEARTBEAT_KEEP_DAYS * 86_400_000)]);
  }
}
