import { Injectable } from '@nestjs/common';
import { WorkingCalendarService } from '@app/calendar';
import { AppConfig } from '@app/core';
import { Severity } from './complaint-rules';

const HOUR_MS = 3_600_000;

/**
 * SLA deadlines of complaints, in working days of China's official calendar (labour-inspection
 * rules by default: accept within 5, resolve within 60, one extension of 30; urgent: acknowledge
 * within 24 hours, resolve within 15).
 */
@Injectable()
export class ComplaintDeadlines {
  constructor(
    private readonly config: AppConfig,
    private readonly calendar: WorkingCalendarService,
  ) {}

  async forNew(receivedAt: Date, severity: Severity): Promise<{ ackDueAt: Date; resolveDueAt: Date }> {
    if (severity === 'urgent') {
      return {
        ackDueAt: new Date(receivedAt.getTime() + this.config.get('COMPLAINT_URGENT_ACK_HOURS') * HOUR_MS),
        resolveDueAt: await this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_URGENT_RESOLVE_WORKING_DAYS')),
      };
    }
    return {
      ackDueAt: await this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_ACK_WORKING_DAYS')),
      resolveDueAt: await this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_RESOLVE_WORKING_DAYS')),
    };
  }

  /** The resolution deadline after the one extension allowed. */
  extended(resolveDueAt: Date): Promise<Date> {
    return this.calendar.deadlineAfter(resolveDueAt, this.config.get('COMPLAINT_EXTENSION_WORKING_DAYS'));
  }
}
