import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { BackupJobModule } from '@app/backup';
import { AccessGuard, AuthModule } from '@app/auth';
import { WorkingCalendarModule } from '@app/calendar';
import { ChecklistsModule } from '@app/checklists';
import { ComplaintsModule } from '@app/complaints';
import {
  AppConfig,
  CoreModule,
  CoreModuleOptions,
  createValidationPipe,
  ProblemDetailsFilter,
  RateLimitGuard,
  RateLimitModule,
} from '@app/core';
import { DatabaseModule } from '@app/database';
import { JurisdictionsModule } from '@app/jurisdictions';
import { LicensingModule } from '@app/licensing';
import { ReferenceDataModule } from '@app/reference-data';
import { ReportsModule } from '@app/reports';
import { NotificationsModule } from '@app/notifications';
import { LicenceJobsModule } from '@app/notifications/licence-jobs';
import { InspectionJobsModule } from '@app/inspections/jobs';
import { SelfAssessmentJobsModule } from '@app/self-assessments/jobs';
import { ComplaintJobsModule } from '@app/complaints/jobs';
import { SchedulerModule } from '@app/scheduler';
import { InspectionsModule } from '@app/inspections';
import { EnforcementModule } from '@app/enforcement';
import { EnforcementJobsModule } from '@app/enforcement/jobs';
import { SelfAssessmentsModule } from '@app/self-assessments';
import { AnnualReportsModule } from '@app/annual-reports';
import { AnnualReportJobsModule } from '@app/annual-reports/jobs';
import { ReserveFundsModule } from '@app/reserve-funds';
import { ReserveFundJobsModule } from '@app/reserve-funds/jobs';
import { CommitmentChecksModule } from '@app/commitment-checks';
import { CommitmentCheckJobsModule } from '@app/commitment-checks/jobs';
import { CertificatesModule } from '@app/certificates';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { loggerParams } from './logger';

/** The HTTP API. Domain modules are listed here; cross-cutting behaviour is registered once, globally. */
@Module({})
export class AppModule {
  static register(options: CoreModuleOptions & { logStream?: NodeJS.WritableStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config, options.logStream) }),
        RateLimitModule.forRoot(),
        DatabaseModule.forRoot({ applicationName: 'agency-registry-api' }),
        AuditModule,
        JurisdictionsModule,
        AuthModule,
        AgenciesModule,
        LicensingModule,
        ChecklistsModule,
        InspectionsModule,
        SelfAssessmentsModule,
        WorkingCalendarModule,
        ComplaintsModule,
        EnforcementModule,
        ReportsModule,
        ReferenceDataModule,
        SchedulerModule,
        NotificationsModule,
        LicenceJobsModule,
        InspectionJobsModule,
        SelfAssessmentJobsModule,
        ComplaintJobsModule,
        EnforcementJobsModule,
        BackupJobModule,
        AnnualReportsModule,
        AnnualReportJobsModule,
        ReserveFundsModule,
        ReserveFundJobsModule,
        CommitmentChecksModule,
        CommitmentCheckJobsModule,
        CertificatesModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        // Guards run in this order: rate limit first, so refused callers cost nothing more.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
