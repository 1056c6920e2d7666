import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule, AgencyProfileSections, describeAgencyProfileSection } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { EventsModule } from '@app/events';
import { WorkingCalendarModule } from '@app/calendar';
import { ComplaintsModule } from '@app/complaints';
import { DocumentsModule } from '@app/documents';
import { InspectionsModule, RiskService, SanctionReferrals } from '@app/inspections';
import { JurisdictionsModule } from '@app/jurisdictions';
import { LicensingModule, PublicRegisterSources } from '@app/licensing';
import { NotificationsModule } from '@app/notifications';
import { CaseDocument, CaseEvent, CaseGround, CaseLicence, DemeritRule, EnforcementCase, FineThreshold } from './case.entity';
import { CaseLicencesService } from './case-licences.service';
import { CaseDocuments } from './case-documents';
import { CaseNumbers } from './case-numbers';
import { CasesController } from './cases.controller';
import { CaseDecisions } from './case-decisions';
import { CaseJobs } from './case-jobs';
import { CaseProposals } from './case-proposals';
import { CaseQueries } from './case-queries';
import { CaseRecords } from './case-records';
import { CaseStepRunner } from './case-step-runner';
import { DueProcessSteps } from './due-process-steps';
import { CreditGradeView } from './cases.dto';
import { DemeritPointsService } from './demerit-points.service';
import { EnforcementSettingsController } from './enforcement-settings.controller';
import { PublicSanctionsService } from './public-sanctions.service';
import { creditRiskSource, pastSanctionsRiskSource } from './credit-risk-source';
import { inspectionReferralHandler } from './inspection-referrals';
import { PUBLIC_CREDIT_SQL } from './public-credit-sql';
import { CaseDeadlinesJob } from './jobs/case-deadlines.job';
import { CreditGradesJob } from './jobs/credit-grades.job';

describeAgencyProfileSection('credit', { type: CreditGradeView, required: false, description: 'Its credit grade (A-D) with the demerit points behind it' });

@Module({
  imports: [
    TypeOrmModule.forFeature([EnforcementCase, CaseGround, CaseLicence, CaseEvent, CaseDocument, DemeritRule, FineThreshold]),
    AgenciesModule,
    AuditModule,
    ComplaintsModule,
    EventsModule,
    DocumentsModule,
    InspectionsModule,
    JurisdictionsModule,
    LicensingModule,
    NotificationsModule,
    WorkingCalendarModule,
  ],
  controllers: [CasesController, EnforcementSettingsController],
  providers: [CaseQueries, CaseRecords, CaseProposals, CaseStepRunner, DueProcessSteps, CaseDecisions, CaseJobs, CaseLicencesService, DemeritPointsService, PublicSanctionsService, CaseDocuments, CaseNumbers, CaseDeadlinesJob, CreditGradesJob],
  exports: [CaseQueries, CaseProposals, DemeritPointsService],
})
export class EnforcementModule implements OnModuleInit {
  constructor(
    private readonly profile: AgencyProfileSections,
    private readonly referrals: SanctionReferrals,
    private readonly risk: RiskService,
    private readonly queries: CaseQueries,
    private readonly proposals: CaseProposals,
    private readonly points: DemeritPointsService,
    private readonly publicRegister: PublicRegisterSources,
  ) {}

  onModuleInit(): void {
    this.referrals.register(inspectionReferralHandler(this.proposals, this.queries), (actor, inspectionId) => this.queries.ofInspection(actor, inspectionId));
    this.risk.register(creditRiskSource(this.points));
    this.risk.register(pastSanctionsRiskSource(this.queries));
    this.profile.register({ key: 'credit', load: (agencyId) => this.points.gradeOf(agencyId) });
    this.publicRegister.register(PUBLIC_CREDIT_SQL);
  }
}
