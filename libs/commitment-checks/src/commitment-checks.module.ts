import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { InspectionsModule } from '@app/inspections';
import { LicenceApprovalHooks, LicensingModule } from '@app/licensing';
import { EnforcementModule } from '@app/enforcement';
import { NotificationsModule } from '@app/notifications';
import { CommitmentCheck } from './commitment-check.entity';
import { CommitmentChecksController } from './commitment-checks.controller';
import { CommitmentChecksService } from './commitment-checks.service';
import { CommitmentChecksJob } from './jobs/commitment-checks.job';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentCheck]), AuditModule, InspectionsModule, LicensingModule, EnforcementModule, NotificationsModule],
  controllers: [CommitmentChecksController],
  providers: [CommitmentChecksService, CommitmentChecksJob],
  exports: [CommitmentChecksService],
})
export class CommitmentChecksModule implements OnModuleInit {
  constructor(
    private readonly hooks: LicenceApprovalHooks,
    private readonly checks: CommitmentChecksService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, approved) => this.checks.onApproval(manager, approved));
  }
}
