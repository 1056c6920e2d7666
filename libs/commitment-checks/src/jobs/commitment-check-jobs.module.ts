import { Module, OnModuleInit } from '@nestjs/common';
import { EnforcementModule } from '@app/enforcement';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { CommitmentChecksJob } from './commitment-checks.job';

/** The commitment checks' scheduled job (imported from '@app/commitment-checks/jobs'). */
@Module({
  imports: [EnforcementModule, NotificationsModule, SchedulerModule],
  providers: [CommitmentChecksJob],
  exports: [CommitmentChecksJob],
})
export class CommitmentCheckJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly checks: CommitmentChecksJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.checks.definition);
  }
}
