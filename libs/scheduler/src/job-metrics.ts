import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '@app/core';
import { JobRegistry } from './job-registry';

interface JobStats {
  name: string;
  lastSuccess: Date | null;
  lastDurationSeconds: number | null;
  failuresSinceSuccess: number;
}

/**
 * Each job's health from job_runs, whichever process ran it: last success, the duration of the last
 * finished run, failed runs since the last success; and the scheduler's last heartbeat. Read per
 * scrape (a few index reads per job), so every API process and the worker tell the same story.
 */
@Injectable()
export class JobMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // One read serves the three job gauges of a scrape (prom-client collects them together).
    let pending: Promise<JobStats[]> | undefined;
    const stats = () => {
      pending ??= this.read().finally(() => (pending = undefined));
      return pending;
    };
    this.metrics.scraped({
      name: 'job_last_success_timestamp_seconds',
      help: 'When each scheduled job last succeeded (Unix time; absent if never)',
      labelNames: ['job'] as const,
      aggregator: 'max',
      read: async () => (await stats()).filter((s) => s.lastSuccess).map((s) => ({ labels: { job: s.name }, value: s.lastSuccess!.getTime() / 1000 })),
    });
    this.metrics.scraped({
      name: 'job_last_duration_seconds',
      help: 'How long the last finished run of each job took',
      labelNames: ['job'] as const,
      aggregator: 'max',
      read: async () => (await stats()).filter((s) => s.lastDurationSeconds !== null).map((s) => ({ labels: { job: s.name }, value: s.lastDurationSeconds! })),
    });
    this.metrics.scraped({
      name: 'job_failures_since_success',
      help: 'Failed runs of each job since its last success',
      labelNames: ['job'] as const,
      aggregator: 'max',
      read: async () => (await stats()).map((s) => ({ labels: { job: s.name }, value: s.failuresSinceSuccess })),
    });
    this.metrics.scraped({
      name: 'scheduler_last_heartbeat_timestamp_seconds',
      help: 'The last heartbeat of any process running the scheduled jobs (Unix time; every 30 s while one runs)',
      labelNames: [] as const,
      aggregator: 'max',
      read: async () => {
        const [{ beat }] = (await this.dataSource.query(`SELECT max(beat_at) AS beat FROM scheduler_heartbeats`)) as { beat: Date | null }[];
        return beat ? [{ labels: {}, value: beat.getTime() / 1000 }] : [];
      },
    });
  }

  private async read(): Promise<JobStats[]> {
    return (await this.dataSource.query(
      `SELECT j.name, s.finished_at AS "lastSuccess",
              extract(epoch FROM l.finished_at - l.started_at)::float8 AS "lastDurationSeconds",
              (SELECT count(*)::int FROM job_runs f WHERE f.job_name = j.name AND f.status = 'failed'
                  AND f.started_at > coalesce(s.started_at, '-infinity')) AS "failuresSinceSuccess"
         FROM unnest($1::text[]) AS j(name)
         LEFT JOIN LATERAL (SELECT started_at, finished_at FROM job_runs WHERE job_name = j.name AND status = 'succeeded' ORDER BY finished_at DESC LIMIT 1) s ON true
         LEFT JOIN LATERAL (SELECT started_at, finished_at FROM job_runs WHERE job_name = j.name AND finished_at IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1) l ON true`,
      [this.registry.all().map((job) => job.name)],
    )) as JobStats[];
  }
}
