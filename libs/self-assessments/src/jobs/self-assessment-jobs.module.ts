import { Module, OnModuleInit } from '@nestjs/common';
import { InspectionsModule } from '@app/inspections';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { SelfAssessmentsModule } from '../self-assessments.module';
import { SelfAssessmentDeadlinesJob } from './self-assessment-deadlines.job';

/** The self-assessments' scheduled job (imported from '@app/self-assessments/jobs'). */
@Module({
  imports: [SelfAssessmentsModule, InspectionsModule, NotificationsModule, SchedulerModule],
  providers: [SelfAssessmentDeadlinesJob],
  exports: [SelfAssessmentDeadlinesJob],
})
export class SelfAssessmentJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly deadlines: SelfAssessmentDeadlinesJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.deadlines.definition);
  }
}
