import { Module } from '@nestjs/common';
import { AgenciesModule } from '@app/agencies';
import { AnnualReportsModule } from '@app/annual-reports';
import { ApiClientsModule } from '@app/api-clients';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { BackupModule } from '@app/backup';
import { WorkingCalendarModule } from '@app/calendar';
import { CertificatesModule } from '@app/certificates';
import { ChecklistsModule } from '@app/checklists';
import { CommitmentChecksModule } from '@app/commitment-checks';
import { ComplaintsModule } from '@app/complaints';
import { EnforcementModule } from '@app/enforcement';
import { EventsModule } from '@app/events';
import { InspectionsModule } from '@app/inspections';
import { JurisdictionsModule } from '@app/jurisdictions';
import { LicensingModule } from '@app/licensing';
import { NotificationsModule } from '@app/notifications';
import { OpenDataModule } from '@app/open-data';
import { PlacementsModule } from '@app/placements';
import { ReferenceDataModule } from '@app/reference-data';
import { ReportsModule } from '@app/reports';
import { ReserveFundsModule } from '@app/reserve-funds';
import { SchedulerModule } from '@app/scheduler';
import { SelfAssessmentsModule } from '@app/self-assessments';

/**
 * Every domain module, and the scheduler that finds their `@ScheduledJob`s: the one list the API
 * and the worker both import, so both see the same jobs. A new domain module is added here once.
 */
export const DOMAIN_MODULES = [
  AuditModule,
  JurisdictionsModule,
  AuthModule,
  ApiClientsModule,
  EventsModule,
  AgenciesModule,
  LicensingModule,
  ChecklistsModule,
  InspectionsModule,
  SelfAssessmentsModule,
  WorkingCalendarModule,
  ComplaintsModule,
  EnforcementModule,
  OpenDataModule,
  ReportsModule,
  ReferenceDataModule,
  NotificationsModule,
  AnnualReportsModule,
  ReserveFundsModule,
  CommitmentChecksModule,
  PlacementsModule,
  CertificatesModule,
  BackupModule,
  SchedulerModule,
];

/** The domains as one module (see DOMAIN_MODULES); the apps add only their transport and globals. */
@Module({ imports: DOMAIN_MODULES, exports: DOMAIN_MODULES })
export class DomainsModule {}
