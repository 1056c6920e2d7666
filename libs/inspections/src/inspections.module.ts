import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule, AgencyProfileSections, describeAgencyProfileSection } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { JurisdictionsModule } from '@app/jurisdictions';
import { NotificationsModule } from '@app/notifications';
import { ChecklistsModule } from '@app/checklists';
import { LicensingModule } from '@app/licensing';
import { AgencyRiskView, InspectionView } from './inspections.dto';
import { ComplaintLinks } from './complaint-links';
import { CorrectiveActionsController } from './corrective-actions.controller';
import { CorrectiveActionsService } from './corrective-actions.service';
import { Addendum, CorrectiveAction, Finding, Inspection } from './inspection.entity';
import { InspectionPhotosController } from './inspection-photos.controller';
import { InspectionPhotosService } from './inspection-photos.service';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';
import { RiskService } from './risk/risk.service';
import { SanctionsService } from './sanctions.service';
import { SanctionReferrals } from './sanction-referrals';
import { CorrectiveActionDeadlinesJob } from './jobs/corrective-action-deadlines.job';
import { RiskScoresJob } from './jobs/risk-scores.job';

describeAgencyProfileSection('inspections', { type: [InspectionView], description: 'Its latest 50 inspections in your jurisdiction' });
describeAgencyProfileSection('risk', { type: AgencyRiskView, required: false, description: 'Its risk score now, with the factors behind it' });

@Module({
  imports: [TypeOrmModule.forFeature([Inspection, Finding, Addendum, CorrectiveAction]), AgenciesModule, AuditModule, AuthModule, ChecklistsModule, JurisdictionsModule, LicensingModule, NotificationsModule],
  controllers: [InspectionsController, CorrectiveActionsController, InspectionPhotosController],
  providers: [InspectionsService, InspectionPhotosService, SanctionsService, CorrectiveActionsService, RiskService, ComplaintLinks, SanctionReferrals, CorrectiveActionDeadlinesJob, RiskScoresJob],
  exports: [InspectionsService, CorrectiveActionsService, RiskService, ComplaintLinks, SanctionReferrals],
})
export class InspectionsModule implements OnModuleInit {
  constructor(
    private readonly profile: AgencyProfileSections,
    private readonly inspections: InspectionsService,
    private readonly risk: RiskService,
  ) {}

  onModuleInit(): void {
    this.profile.register({ key: 'inspections', load: (agencyId, actor) => this.inspections.ofAgency(agencyId, actor) });
    this.profile.register({
      key: 'risk',
      load: async (agencyId) => (await this.risk.compute([agencyId])).get(agencyId),
    });
  }
}
