import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { EventsModule } from '@app/events';
import { JurisdictionsModule } from '@app/jurisdictions';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { Agency } from './agency.entity';
import { AgencyImportService } from './agency-import.service';
import { AgencyProfileSections } from './agency-profile';
import { AgencyDivisionFollowers } from './agency-division-followers';

@Module({
  imports: [TypeOrmModule.forFeature([Agency]), AuditModule, EventsModule, JurisdictionsModule],
  controllers: [AgenciesController],
  providers: [AgenciesService, AgencyImportService, AgencyProfileSections, AgencyDivisionFollowers],
  exports: [AgenciesService, AgencyProfileSections, AgencyDivisionFollowers],
})
export class AgenciesModule {}
