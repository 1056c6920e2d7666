import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { BackupJobModule } from '@app/backup';
import { AppConfig, CoreModule, Environment } from '@app/core';
import { DatabaseModule } from '@app/database';
import { NotificationsModule } from '@app/notifications';
import { LicenceJobsModule } from '@app/notifications/licence-jobs';
import { InspectionJobsModule } from '@app/inspections/jobs';
import { SelfAssessmentJobsModule } from '@app/self-assessments/jobs';
import { ComplaintJobsModule } from '@app/complaints/jobs';
import { EnforcementJobsModule } from '@app/enforcement/jobs';
import { SchedulerModule } from '@app/scheduler';
import { AnnualReportJobsModule } from '@app/annual-reports/jobs';
import { ReserveFundJobsModule } from '@app/reserve-funds/jobs';
import { CommitmentCheckJobsModule } from '@app/commitment-checks/jobs';

/**
 * The scheduled jobs, without HTTP. Production runs it alone; `npm start` runs the jobs in the API
 * process. It always runs its jobs (RUN_JOBS forced on): running them is all it is for.
 * Modules with jobs register them with the SchedulerModule's JobRegistry; list them here.
 */
@Module({})
export class WorkerModule {
  /**
   * Built from the environment main.ts validated and completed (the embedded DATABASE_URL is known
   * only after start-up), not from process.env at import time.
   */
  static register(environment: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({ environment: { ...environment, RUN_JOBS: true } }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.get('LOG_LEVEL') } }),
        }),
        DatabaseModule.forRoot({ applicationName: 'agency-registry-worker' }),
        AuditModule,
        SchedulerModule,
        NotificationsModule,
        LicenceJobsModule,
        InspectionJobsModule,
        SelfAssessmentJobsModule,
        ComplaintJobsModule,
        EnforcementJobsModule,
        BackupJobModule,
        AnnualReportJobsModule,
        ReserveFundJobsModule,
        CommitmentCheckJobsModule,
      ],
    };
  }
}
