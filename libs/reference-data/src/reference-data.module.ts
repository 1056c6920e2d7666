import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountryNote } from './country-note.entity';
import { HelpLine } from './help-line.entity';
import { AdminReferenceDataController, PublicReferenceDataController } from './reference-data.controller';
import { ReferenceDataService } from './reference-data.service';

@Module({
  imports: [TypeOrmModule.forFeature([HelpLine, CountryNote]), AuditModule],
  controllers: [PublicReferenceDataController, AdminReferenceDataController],
  providers: [ReferenceDataService],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
