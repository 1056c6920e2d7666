import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ChecklistItem, ChecklistTemplate } from './checklist-template.entity';
import { ChecklistsController } from './checklists.controller';
import { ChecklistsService } from './checklists.service';
import { ChecklistTexts } from './item-texts';

@Module({
  imports: [TypeOrmModule.forFeature([ChecklistTemplate, ChecklistItem]), AuditModule],
  controllers: [ChecklistsController],
  providers: [ChecklistsService, ChecklistTexts],
  exports: [ChecklistsService, ChecklistTexts],
})
export class ChecklistsModule {}
