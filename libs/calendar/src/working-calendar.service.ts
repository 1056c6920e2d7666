import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { CalendarCache } from './calendar-cache';
import * as days from './working-days';

/**
 * Every working-day computation of the registry goes through here: China's official calendar
 * (holidays and working weekend days) from the working_calendar_years table, cached in memory.
 * A year without data counts Monday to Friday, with a warning in the log.
 */
@Injectable()
export class WorkingCalendarService {
  private readonly logger = new Logger(WorkingCalendarService.name);
  /** Missing years already warned about, so a burst of deadlines logs one line per year. */
  private readonly warnedYears = new Set<number>();

  constructor(
    private readonly cache: CalendarCache,
    private readonly clock: Clock,
  ) {}

  async isWorkingDay(date: string): Promise<boolean> {
    return days.isWorkingDay(await this.cache.years(), date, this.warnMissing);
  }

  /** The date `count` working days after `date` (the day itself not counted). */
  async addWorkingDays(date: string, count: number): Promise<string> {
    return days.addWorkingDays(await this.cache.years(), date, count, this.warnMissing);
  }

  /** Working days of a window opened on `opensOn` still to use today, through `dueOn` (see days.workingDaysLeft). */
  async workingDaysLeft(opensOn: string, dueOn: string): Promise<number> {
    return days.workingDaysLeft(await this.cache.years(), this.clock.today(), opensOn, dueOn, this.warnMissing);
  }

  /** The deadline `count` working days after an instant: the end of that day in Asia/Shanghai. */
  async deadlineAfter(instant: Date, count: number): Promise<Date> {
    return days.deadlineAfter(await this.cache.years(), instant, count, this.warnMissing);
  }

  /**
   * The warnings an operator should see now: this year without a calendar, and from 1 December
   * next year too, while there is still time to enter it.
   */
  async missingYearWarnings(): Promise<string[]> {
    const today = this.clock.today();
    const year = days.yearOf(today);
    const wanted = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
    const years = await this.cache.years();
    return wanted.filter((y) => !years.has(y)).map(missingYearMessage);
  }

  /** Forgets the cached calendar (after a change in this process; other processes hear NOTIFY). */
  invalidate(): void {
    this.cache.invalidate();
    this.warnedYears.clear();
  }

  private readonly warnMissing = (year: number): void => {
    if (this.warnedYears.has(year)) return;
    this.warnedYears.add(year);
    this.logger.warn(missingYearMessage(year));
  };
}

export function missingYearMessage(year: number): string {
  return `No working calendar for ${year}: working days in it count Monday to Friday, without holidays or working weekends. A system admin enters it with PUT /api/admin/working-calendar/${year}.`;
}
