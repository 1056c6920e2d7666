import { Module, OnModuleInit } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { ComplaintsModule } from '../complaints.module';
import { ComplaintRollupCheckJob } from './complaint-rollup-check.job';
import { ComplaintSlaJob } from './complaint-sla.job';

/** The complaints' scheduled jobs (imported from '@app/complaints/jobs' by the API and the worker). */
@Module({
  imports: [ComplaintsModule, NotificationsModule, SchedulerModule],
  providers: [ComplaintSlaJob, ComplaintRollupCheckJob],
  exports: [ComplaintSlaJob, ComplaintRollupCheckJob],
})
export class ComplaintJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly sla: ComplaintSlaJob,
    private readonly rollupCheck: ComplaintRollupCheckJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.sla.definition);
    this.jobs.register(this.rollupCheck.definition);
  }
}
