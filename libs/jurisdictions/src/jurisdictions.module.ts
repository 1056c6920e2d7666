import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { Bureau } from './bureau.entity';
import { BureausService } from './bureaus.service';
import { Jurisdiction } from './jurisdiction.entity';
import { BureausController, JurisdictionsController } from './jurisdictions.controller';
import { JurisdictionsService } from './jurisdictions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Jurisdiction, Bureau]), AuditModule],
  controllers: [JurisdictionsController, BureausController],
  providers: [JurisdictionsService, BureausService],
  exports: [JurisdictionsService, BureausService],
})
export class JurisdictionsModule {}
