import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '@app/agencies';
import { AuditModule } from '@app/audit';
import { InspectionsModule, RiskService } from '@app/inspections';
import { JurisdictionsModule } from '@app/jurisdictions';
import { LicensingModule } from '@app/licensing';
import { NotificationsModule } from '@app/notifications';
import { ReferenceDataModule } from '@app/reference-data';
import { Placement, PlacementContractClause, PlacementDestination } from './placement.entity';
import { PlacementsController } from './placements.controller';
import { PublicPlacementsController } from './public-placements.controller';
import { PlacementReferenceController } from './reference/placement-reference.controller';
import { PlacementsService } from './placements.service';
import { PlacementFilingService } from './placement-filing.service';
import { PlacementReturnsService } from './placement-returns.service';
import { PlacementSummaryService } from './placement-summary.service';
import { PublicPlacementCheckService } from './public-placement-check.service';
import { PlacementReferenceService } from './reference/placement-reference.service';
import { PlacementCrypto } from './identity/placement-crypto';
import { placementAbuseSource } from './placement-risk-source';

@Module({
  imports: [
    TypeOrmModule.forFeature([Placement, PlacementContractClause, PlacementDestination]),
    AgenciesModule,
    AuditModule,
    InspectionsModule,
    JurisdictionsModule,
    LicensingModule,
    NotificationsModule,
    ReferenceDataModule,
  ],
  controllers: [PlacementsController, PublicPlacementsController, PlacementReferenceController],
  providers: [PlacementsService, PlacementFilingService, PlacementReturnsService, PlacementSummaryService, PublicPlacementCheckService, PlacementReferenceService, PlacementCrypto],
  exports: [PlacementsService, PlacementFilingService, PlacementReturnsService, PlacementCrypto],
})
export class PlacementsModule implements OnModuleInit {
  constructor(private readonly risk: RiskService) {}

  onModuleInit(): void {
    this.risk.register(placementAbuseSource);
  }
}
