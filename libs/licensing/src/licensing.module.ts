import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule, AgencyDivisionFollowers, AgencyProfileSections, describeAgencyProfileSection } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { EventsModule } from '@app/events';
import { JurisdictionsModule } from '@app/jurisdictions';
import { NotificationsModule } from '@app/notifications';
import { followAgencyDivision } from './agency-division-follower';
import { LicenceApplication } from './licence-application.entity';
import { LicenceApplicationsController } from './licence-applications.controller';
import { LicenceApplicationsService } from './licence-applications.service';
import { Licence, LicenceEvent } from './licence.entity';
import { LicencesController } from './licences.controller';
import { LicencesService } from './licences.service';
import { PublicLicencesController } from './public.controller';
import { PublicRegisterService } from './public-register.service';
import { VerificationCache } from './verification-cache';
import { PublicRegisterSources } from './public-register-sources';
import { LicenceApprovalHooks } from './licence-approval-hooks';
import { LicenceWithEvents } from './licensing.dto';
import { LicenceExpiryJob } from './jobs/licence-expiry.job';
import { LicenceRenewalRemindersJob } from './jobs/licence-renewal-reminders.job';

describeAgencyProfileSection('licences', { type: [LicenceWithEvents], description: 'Its licences, newest first, each with its events' });

@Module({
  imports: [TypeOrmModule.forFeature([Licence, LicenceEvent, LicenceApplication]), AgenciesModule, AuditModule, EventsModule, JurisdictionsModule, NotificationsModule],
  controllers: [LicencesController, LicenceApplicationsController, PublicLicencesController],
  providers: [LicencesService, LicenceApplicationsService, PublicRegisterService, VerificationCache, LicenceApprovalHooks, PublicRegisterSources, LicenceRenewalRemindersJob, LicenceExpiryJob],
  exports: [LicencesService, LicenceApplicationsService, LicenceApprovalHooks, PublicRegisterSources],
})
export class LicensingModule implements OnModuleInit {
  constructor(
    private readonly profile: AgencyProfileSections,
    private readonly licences: LicencesService,
    private readonly divisionFollowers: AgencyDivisionFollowers,
  ) {}

  onModuleInit(): void {
    this.profile.register({ key: 'licences', load: (agencyId) => this.licences.ofAgency(agencyId) });
    this.divisionFollowers.register(followAgencyDivision);
  }
}
