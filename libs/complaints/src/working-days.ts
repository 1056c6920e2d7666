import { addDays, businessDateOf } from '@app/core';

/** Monday to Friday, less the configured public holidays (YYYY-MM-DD, Asia/Shanghai dates). */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(holidays: Iterable<string>) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(date: string): boolean {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The date `days` working days after `date` (the day itself not counted). */
  addWorkingDays(date: string, days: number): string {
    let current = date;
    for (let left = days; left > 0; ) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /** The deadline `days` working days after an instant: the end of that day in Asia/Shanghai. */
  deadlineAfter(instant: Date, days: number): Date {
    return endOfBusinessDay(this.addWorkingDays(businessDateOf(instant), days));
  }
}

/** The last millisecond of a calendar date in Asia/Shanghai (UTC+8, no daylight saving). */
export function endOfBusinessDay(date: string): Date {
  // Asia/Shanghai has had a fixed +08:00 offset (no daylight saving) since 1991.
  return new Date(new Date(`${addDays(date, 1)}T00:00:00+08:00`).getTime() - 1);
}
