import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '@app/audit';
import { JobDiscovery } from './job-discovery';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobMetrics } from './job-metrics';
import { JobScheduler } from './job-scheduler';
import { SchedulerHealth } from './scheduler-health';
import { SchedulerHeartbeat } from './scheduler-heartbeat';
import { JobsController } from './jobs.controller';

/**
 * The job runner, imported once per process (through DomainsModule). A job is a method marked
 * `@ScheduledJob({ name, cron, description })` on a provider of its domain's module; JobDiscovery
 * registers it at boot. Nothing else lists jobs.
 */
@Module({
  imports: [ScheduleModule.forRoot(), DiscoveryModule, AuditModule],
  controllers: [JobsController],
  providers: [JobRegistry, JobDiscovery, JobRunner, JobScheduler, SchedulerHeartbeat, SchedulerHealth, JobMetrics],
  exports: [JobRegistry, JobRunner, SchedulerHeartbeat, SchedulerHealth],
})
export class SchedulerModule {}
