import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppConfig, BUSINESS_TIME_ZONE } from '@app/core';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';

/**
 * Starts a cron (Asia/Shanghai) per registered job when RUN_JOBS is on: in the worker, and in the
 * API in embedded mode. It starts at bootstrap, after every module's onModuleInit has registered
 * its jobs. Overlapping ticks, and ticks of other processes, are resolved by the job's lock.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly schedulerRegistry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('RUN_JOBS')) return;
    for (const job of this.registry.all()) {
      const cron = CronJob.from({
        cronTime: job.cron,
        timeZone: BUSINESS_TIME_ZONE,
        onTick: () => this.tick(job.name),
        start: false,
      });
      this.schedulerRegistry.addCronJob(job.name, cron);
      cron.start();
    }
    this.logger.log(`Scheduled jobs: ${this.registry.all().map((j) => `${j.name} (${j.cron})`).join(', ')}`);
  }

  /**
   * Stops the crons and lets runs in progress finish, so a shutdown does not leave 'running' rows.
   * Before shutdown, i.e. before the database connections close in onApplicationShutdown.
   */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of this.schedulerRegistry.getCronJobs().keys()) {
      if (this.registry.get(name)) void this.schedulerRegistry.getCronJob(name).stop();
    }
    await Promise.allSettled([...this.running]);
  }

  private tick(name: string): void {
    const run = this.runner.runJob(name).catch((error: unknown) => this.logger.error(`Job ${name} could not run: ${String(error)}`));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }
}
