import { Module, OnModuleInit } from '@nestjs/common';
import { WorkingCalendarModule } from '@app/calendar';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { EnforcementModule } from '../enforcement.module';
import { CaseDeadlinesJob } from './case-deadlines.job';
import { CreditGradesJob } from './credit-grades.job';

/** Enforcement's scheduled jobs (imported from '@app/enforcement/jobs' by the API and the worker). */
@Module({
  imports: [EnforcementModule, NotificationsModule, SchedulerModule, WorkingCalendarModule],
  providers: [CaseDeadlinesJob, CreditGradesJob],
  exports: [CaseDeadlinesJob, CreditGradesJob],
})
export class EnforcementJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly deadlines: CaseDeadlinesJob,
    private readonly grades: CreditGradesJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.deadlines.definition);
    this.jobs.register(this.grades.definition);
  }
}
