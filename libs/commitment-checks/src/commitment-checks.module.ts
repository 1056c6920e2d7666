import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { InspectionsModule } from '@app/inspections';
import { LicenceApprovalHooks, LicensingModule } from '@app/licensing';
import { CommitmentCheck } from './commitment-check.entity';
import { CommitmentChecksController } from './commitment-checks.controller';
import { CommitmentChecksService } from './commitment-checks.service';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentCheck]), AuditModule, InspectionsModule, LicensingModule],
  controllers: [CommitmentChecksController],
  providers: [CommitmentChecksService],
  exports: [CommitmentChecksService],
})
export class CommitmentChecksModule {
  // Registered on construction, not onModuleInit: `npm start` seeds the demo before the app is
  // initialised, and a commitment-based approval in it must plan its on-site check too.
  constructor(hooks: LicenceApprovalHooks, checks: CommitmentChecksService) {
    hooks.register((manager, approved) => checks.onApproval(manager, approved));
  }
}
