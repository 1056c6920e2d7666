import type { Bilingual } from '@app/core';

/** What a job reports about a run: how many things it did, by name (e.g. `{ reminders: 12, notifications: 30 }`). */
export type JobCounts = Record<string, number>;

/** Handed to a job's handler for one run. */
export interface JobContext {
  /** The `job_runs` row of this run: jobs may tag what they write with it. */
  runId: string;
  /** When the run started, from the injectable Clock. */
  startedAt: Date;
  /** The calendar date (Asia/Shanghai) the run is for. */
  today: string;
}

/** A scheduled job: registered once with the JobRegistry, run by cron and on demand. */
export interface JobDefinition {
  /** Unique, kebab-case, e.g. `licence-renewal-reminders`. */
  name: string;
  /** Cron expression (with seconds optional) in Asia/Shanghai, e.g. `0 8 * * *`. */
  cron: string;
  /** What it does, for the system admin's jobs page in either language. */
  description: Bilingual;
  /** At most one run by hand (POST /api/admin/jobs/:name/run) in this many seconds; 429 with Retry-After before then. */
  manualIntervalSeconds?: number;
  /**
   * Does the work. It must be idempotent (unique keys, ON CONFLICT DO NOTHING): a run may be cut
   * short at any point and the next run must finish the work without doubling any of it.
   */
  run(context: JobContext): Promise<JobCounts>;
}
