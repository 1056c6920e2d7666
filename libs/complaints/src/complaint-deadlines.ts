import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { Severity } from './complaint-rules';
import { WorkingCalendar } from './working-days';

const HOUR_MS = 3_600_000;

/**
 * SLA deadlines of complaints, in working days (China's labour-inspection rules by default:
 * accept within 5, resolve within 60, one extension of 30; urgent: acknowledge within 24 hours,
 * resolve within 15).
 */
@Injectable()
export class ComplaintDeadlines {
  readonly calendar: WorkingCalendar;

  constructor(private readonly config: AppConfig) {
    const holidays = config
      .get('HOLIDAYS')
      .split(',')
      .map((d) => d.trim())
      .filter((d) => d.length > 0);
    this.calendar = new WorkingCalendar(holidays);
  }

  forNew(receivedAt: Date, severity: Severity): { ackDueAt: Date; resolveDueAt: Date } {
    if (severity === 'urgent') {
      return {
        ackDueAt: new Date(receivedAt.getTime() + this.config.get('COMPLAINT_URGENT_ACK_HOURS') * HOUR_MS),
        resolveDueAt: this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_URGENT_RESOLVE_WORKING_DAYS')),
      };
    }
    return {
      ackDueAt: this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_ACK_WORKING_DAYS')),
      resolveDueAt: this.calendar.deadlineAfter(receivedAt, this.config.get('COMPLAINT_RESOLVE_WORKING_DAYS')),
    };
  }

  /** The resolution deadline after the one extension allowed. */
  extended(resolveDueAt: Date): Date {
    return this.calendar.deadlineAfter(resolveDueAt, this.config.get('COMPLAINT_EXTENSION_WORKING_DAYS'));
  }
}
