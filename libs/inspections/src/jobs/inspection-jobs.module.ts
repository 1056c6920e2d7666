import { Module, OnModuleInit } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { JobRegistry, SchedulerModule } from '@app/scheduler';
import { InspectionsModule } from '../inspections.module';
import { CorrectiveActionDeadlinesJob } from './corrective-action-deadlines.job';
import { RiskScoresJob } from './risk-scores.job';

/** The inspections' scheduled jobs (imported from '@app/inspections/jobs' by the API and the worker). */
@Module({
  imports: [InspectionsModule, NotificationsModule, SchedulerModule],
  providers: [CorrectiveActionDeadlinesJob, RiskScoresJob],
  exports: [CorrectiveActionDeadlinesJob, RiskScoresJob],
})
export class InspectionJobsModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly deadlines: CorrectiveActionDeadlinesJob,
    private readonly riskScores: RiskScoresJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.deadlines.definition);
    this.jobs.register(this.riskScores.definition);
  }
}
