import { Module, OnModuleInit } from '@nestjs/common';
import { WorkingCalendarModule } from '@app/calendar';
import { EnforcementModule } from '@app/enforcement';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { ReserveFundTopUpsJob } from './reserve-fund-top-ups.job';

/** The reserve funds' scheduled job (imported from '@app/reserve-funds/jobs'). */
@Module({
  imports: [EnforcementModule, WorkingCalendarModule, NotificationsModule, SchedulerModule],
  providers: [ReserveFundTopUpsJob],
  exports: [ReserveFundTopUpsJob],
})
export class ReserveFundJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly topUps: ReserveFundTopUpsJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.topUps.definition);
  }
}
