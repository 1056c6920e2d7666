import { SetMetadata } from '@nestjs/common';
import type { AppConfig, Bilingual } from '@app/core';
import type { JobContext, JobCounts } from './job';

export const SCHEDULED_JOB = 'scheduler:job';

export interface ScheduledJobOptions {
  /** Unique, kebab-case, e.g. `licence-renewal-reminders`. */
  name: string;
  /** Cron expression (with seconds optional) in Asia/Shanghai, e.g. `0 8 * * *`. */
  cron: string;
  /** What it does, for the system admin's jobs page in either language. */
  description: Bilingual;
  /** When given, the job exists only in a process whose configuration it accepts (e.g. BACKUP_DIR set). */
  enabled?: (config: AppConfig) => boolean;
}

/** A method `(context: JobContext) => Promise<JobCounts>` of a singleton provider. */
export type JobMethod = (context: JobContext) => Promise<JobCounts>;

/**
 * Declares the decorated method a scheduled job. Its class only has to be a provider of its
 * domain's module: the scheduler finds it at boot (JobDiscovery), in the API and the worker alike.
 * The method must be idempotent (unique keys, ON CONFLICT DO NOTHING): a run may be cut short at
 * any point and the next run must finish the work without doubling any of it.
 */
export const ScheduledJob = (options: ScheduledJobOptions) => SetMetadata(SCHEDULED_JOB, options);
