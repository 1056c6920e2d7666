import { Module, OnModuleInit } from '@nestjs/common';
import { EnforcementModule } from '@app/enforcement';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { AnnualReportsModule } from '../annual-reports.module';
import { AnnualReportDeadlinesJob } from './annual-report-deadlines.job';

/** The annual reports' scheduled job (imported from '@app/annual-reports/jobs'). */
@Module({
  imports: [AnnualReportsModule, EnforcementModule, NotificationsModule, SchedulerModule],
  providers: [AnnualReportDeadlinesJob],
  exports: [AnnualReportDeadlinesJob],
})
export class AnnualReportJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly deadlines: AnnualReportDeadlinesJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.deadlines.definition);
  }
}
