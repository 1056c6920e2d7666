import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule, AgencyProfileSections, describeAgencyProfileSection } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { AuthModule } from '@app/auth';
import { WorkingCalendarModule } from '@app/calendar';
import { ComplaintLinks, InspectionsModule, RiskService } from '@app/inspections';
import { JurisdictionsModule } from '@app/jurisdictions';
import { LicensingModule } from '@app/licensing';
import { ComplaintView } from './complaints.dto';
import { ComplaintDeadlines } from './complaint-deadlines';
import { Complaint, ComplaintCategory, ComplaintEvent } from './complaint.entity';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintRollup } from './complaint-rollup';
import { complaintRiskSource } from './complaint-risk-source';
import { ComplaintSecrets } from './complaint-secrets';
import { ComplaintTrendsService } from './complaint-trends.service';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { PublicComplaintsController } from './public-complaints.controller';
import { ComplaintRollupCheckJob } from './jobs/complaint-rollup-check.job';
import { ComplaintSlaJob } from './jobs/complaint-sla.job';

describeAgencyProfileSection('complaints', { type: [ComplaintView], description: 'The latest 50 complaints about it in your jurisdiction' });

@Module({
  imports: [
    TypeOrmModule.forFeature([Complaint, ComplaintEvent, ComplaintCategory]),
    AuditModule,
    AuthModule,
    AgenciesModule,
    LicensingModule,
    JurisdictionsModule,
    InspectionsModule,
    WorkingCalendarModule,
    NotificationsModule,
  ],
  controllers: [PublicComplaintsController, ComplaintsController],
  providers: [ComplaintsService, ComplaintIntakeService, ComplaintTrendsService, ComplaintRollup, ComplaintDeadlines, ComplaintSecrets, ComplaintSlaJob, ComplaintRollupCheckJob],
  exports: [ComplaintsService, ComplaintIntakeService, ComplaintTrendsService, ComplaintRollup],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly profileSections: AgencyProfileSections,
    private readonly complaints: ComplaintsService,
    private readonly risk: RiskService,
    private readonly complaintLinks: ComplaintLinks,
  ) {}

  /**
   * The agency profile lists the agency's complaints (without complainants); substantiated ones feed
   * its risk score; an inspection may follow up only a complaint its planner may read.
   */
  onModuleInit(): void {
    this.profileSections.register({ key: 'complaints', load: (agencyId, actor) => this.complaints.forAgencyProfile(actor, agencyId) });
    this.risk.register(complaintRiskSource(this.complaints));
    this.complaintLinks.register((actor, id, manager) => this.complaints.findReadable(actor, id, manager));
  }
}
