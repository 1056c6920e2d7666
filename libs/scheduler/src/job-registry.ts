import { Injectable } from '@nestjs/common';
import { CronTime } from 'cron';
import { JobDefinition } from './job';

const JOB_NAME = /^[a-z][a-z0-9-]{1,62}$/;

/**
 * Every job of the process. Modules add theirs in `onModuleInit` with one call
 * (`registry.register({ name, cron, description, run })`); crons start after every module
 * has initialised (see JobScheduler).
 */
@Injectable()
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();

  register(job: JobDefinition): void {
    if (!JOB_NAME.test(job.name)) throw new Error(`Job name '${job.name}' must be kebab-case`);
    if (this.jobs.has(job.name)) throw new Error(`Job '${job.name}' is registered twice`);
    // Throws on a malformed expression, so a typo fails at start and not at 08:00.
    new CronTime(job.cron);
    this.jobs.set(job.name, job);
  }

  get(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  all(): JobDefinition[] {
    return [...this.jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
