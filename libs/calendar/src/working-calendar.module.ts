import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CalendarCache } from './calendar-cache';
import { WorkingCalendarAdminService } from './working-calendar-admin.service';
import { WorkingCalendarController } from './working-calendar.controller';
import { WorkingCalendarService } from './working-calendar.service';

/**
 * China's official working calendar (holidays and working weekend days per year). Other libs count
 * working days through WorkingCalendarService only.
 */
@Module({
  imports: [AuditModule],
  controllers: [WorkingCalendarController],
  providers: [CalendarCache, WorkingCalendarService, WorkingCalendarAdminService],
  exports: [WorkingCalendarService],
})
export class WorkingCalendarModule {}
