import { Injectable, Optional } from '@nestjs/common';
import { CronTime } from 'cron';
import { AppConfig } from '@app/core';
import { parseCronOverrides } from './cron-overrides';
import { JobDefinition } from './job';

const JOB_NAME = /^[a-z][a-z0-9-]{1,62}$/;

/**
 * Every job of the process: JobDiscovery registers the `@ScheduledJob` methods at module init;
 * crons start after every module has initialised (see JobScheduler). A job named in
 * JOB_CRON_OVERRIDES gets that cron instead.
 */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly overrides: Map<string, string>;

  constructor(@Optional() config?: AppConfig) {
    this.overrides = parseCronOverrides(config?.get('JOB_CRON_OVERRIDES') ?? '');
  }

  register(job: JobDefinition): void {
    if (!JOB_NAME.test(job.name)) throw new Error(`Job name '${job.name}' must be kebab-case`);
    if (this.jobs.has(job.name)) throw new Error(`Job '${job.name}' is registered twice`);
    const cron = this.overrides.get(job.name) ?? job.cron;
    // Throws on a malformed expression, so a typo fails at start and not at 08:00.
    new CronTime(cron);
    this.jobs.set(job.name, { ...job, cron });
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  all(): JobDefinition[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Overridden job names that no module registered: a typo that would otherwise change nothing. */
  unknownOverrides(): string[] {
    return [...this.overrides.keys()].filter((name) => !this.jobs.has(name));
  }

  isOverridden(name: string): boolean {
    return this.overrides.has(name);
  }
}
