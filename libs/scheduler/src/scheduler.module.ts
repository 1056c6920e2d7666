import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '@app/audit';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobMetrics } from './job-metrics';
import { JobScheduler } from './job-scheduler';
import { SchedulerHealth } from './scheduler-health';
import { SchedulerHeartbeat } from './scheduler-heartbeat';
import { JobsController } from './jobs.controller';

/**
 * The job runner. A module with jobs imports it and registers them in its onModuleInit:
 * `this.jobs.register({ name, cron, description, run })`.
 */
@Module({
  imports: [ScheduleModule.forRoot(), AuditModule],
  controllers: [JobsController],
  providers: [JobRegistry, JobRunner, JobScheduler, SchedulerHeartbeat, SchedulerHealth, JobMetrics],
  exports: [JobRegistry, JobRunner, SchedulerHeartbeat, SchedulerHealth],
})
export class SchedulerModule {}
