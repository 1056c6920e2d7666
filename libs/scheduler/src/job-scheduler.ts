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
    const unknown = this.registry.unknownOverrides();
    if (unknown.length > 0) throw new Error(`JOB_CRON_OVERRIDES names jobs that do not exist: ${unknown.join(', ')}`);
    // SchedulerHeartbeat says, loudly, which process is expected to run them.
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
      const overridden = this.registry.isOverridden(job.name) ? ' (JOB_CRON_OVERRIDES)' : '';
      this.logger.log(`Scheduled job ${job.name}: '${job.cron}'${overridden} in ${BUSINESS_TIME_ZONE}, next run ${cron.nextDate().toISO()}`);
    }
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
