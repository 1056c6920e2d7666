import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';

/** No beat for this long: no process runs the scheduler (a beat comes every 30 s). */
export const SCHEDULER_STALE_MS = 2 * 60_000;
/** A job that fires daily and has not succeeded for this long is stale (a day and two hours' grace). */
export const DAILY_JOB_STALE_MS = 26 * 3_600_000;

export interface SchedulerProcess {
  host: string;
  pid: number;
  beatAt: Date;
}

export interface SchedulerState {
  /** The process that beat last, if any ever did. */
  latest: SchedulerProcess | null;
  /** Processes that beat within SCHEDULER_STALE_MS. */
  live: number;
  /** Why the jobs are not known to run; empty when they are. */
  problems: string[];
}

const START_WORKER = 'start a worker (`npm run start:worker`, see docs/deployment.md)';

/** Whether some process runs the scheduled jobs and the daily ones succeed: read by /health/ready of every API process. */
@Injectable()
export class SchedulerHealth {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async state(): Promise<SchedulerState> {
    const now = this.clock.now().getTime();
    const [beats] = (await this.dataSource.query(
      `SELECT (SELECT row_to_json(h) FROM (SELECT host, pid, beat_at AS "beatAt" FROM scheduler_heartbeats ORDER BY beat_at DESC LIMIT 1) h) AS latest,
              (SELECT count(*)::int FROM scheduler_heartbeats WHERE beat_at > $1) AS live,
              (SELECT min(started_at) FROM scheduler_heartbeats) AS since`,
      [new Date(now - SCHEDULER_STALE_MS)],
    )) as { latest: { host: string; pid: number; beatAt: string } | null; live: number; since: Date | null }[];
    const latest = beats.latest ? { ...beats.latest, beatAt: new Date(beats.latest.beatAt) } : null;
    const problems: string[] = [];
    if (beats.live === 0) {
      problems.push(
        latest
          ? `No process has run the scheduled jobs since ${latest.beatAt.toISOString()} (last: ${latest.host}, pid ${latest.pid}): ${START_WORKER}`
          : `No process has ever run the scheduled jobs: ${START_WORKER}`,
      );
    }
    if (beats.since) problems.push(...(await this.staleDailyJobs(now, beats.since)));
    return { latest, live: beats.live, problems };
  }

  /**
   * The daily jobs of the processes that beat within the last 26 hours without a success in 26
   * hours. A job that never succeeded counts from the first recorded heartbeat, so a new
   * deployment is not degraded before its jobs were due.
   */
  private async staleDailyJobs(now: number, since: Date): Promise<string[]> {
    const threshold = new Date(now - DAILY_JOB_STALE_MS);
    const rows = (await this.dataSource.query(
      `SELECT j.name, s.finished_at AS "lastSuccess"
         FROM (SELECT DISTINCT job->>'name' AS name FROM scheduler_heartbeats, jsonb_array_elements(jobs) job
                WHERE beat_at > $1 AND (job->>'daily')::boolean) j
         LEFT JOIN LATERAL (SELECT finished_at FROM job_runs WHERE job_name = j.name AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1) s ON true
        ORDER BY j.name`,
      [threshold],
    )) as { name: string; lastSuccess: Date | null }[];
    return rows
      .filter((row) => (row.lastSuccess ?? since).getTime() < threshold.getTime())
      .map((row) =>
        row.lastSuccess
          ? `Daily job ${row.name} has not succeeded since ${row.lastSuccess.toISOString()} (GET /api/admin/jobs shows its runs)`
          : `Daily job ${row.name} has never succeeded though jobs have been scheduled since ${since.toISOString()} (GET /api/admin/jobs shows its runs)`,
      );
  }
}
