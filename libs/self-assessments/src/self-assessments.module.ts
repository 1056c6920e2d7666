import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule, AgencyProfileSections, describeAgencyProfileSection } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { ChecklistsModule } from '@app/checklists';
import { InspectionsModule, RiskService } from '@app/inspections';
import { SelfAssessmentView } from './self-assessments.dto';
import { discrepanciesSource, selfAssessmentsSource } from './self-assessment-risk-sources';
import { SelfAssessment, SelfAssessmentAnswer } from './self-assessment.entity';
import { SelfAssessmentsController } from './self-assessments.controller';
import { SelfAssessmentsService } from './self-assessments.service';
import { SelfAssessmentDeadlinesJob } from './jobs/self-assessment-deadlines.job';

describeAgencyProfileSection('selfAssessments', { type: [SelfAssessmentView], description: 'Its latest 20 self-assessments' });

@Module({
  imports: [TypeOrmModule.forFeature([SelfAssessment, SelfAssessmentAnswer]), AgenciesModule, AuditModule, ChecklistsModule, InspectionsModule, NotificationsModule],
  controllers: [SelfAssessmentsController],
  providers: [SelfAssessmentsService, SelfAssessmentDeadlinesJob],
  exports: [SelfAssessmentsService],
})
export class SelfAssessmentsModule implements OnModuleInit {
  constructor(
    private readonly profile: AgencyProfileSections,
    private readonly risk: RiskService,
    private readonly selfAssessments: SelfAssessmentsService,
  ) {}

  onModuleInit(): void {
    this.risk.register(selfAssessmentsSource);
    this.risk.register(discrepanciesSource);
    this.profile.register({ key: 'selfAssessments', load: (agencyId) => this.selfAssessments.ofAgency(agencyId) });
  }
}
