import { addDays, businessDateOf } from '@app/core';

/** One year of the official calendar: its holidays and its weekend days declared working days (调休). */
export interface CalendarYearDays {
  holidays: ReadonlySet<string>;
  workingDays: ReadonlySet<string>;
}

/** The years the calendar holds; a year it lacks counts Monday to Friday. */
export type CalendarYears = ReadonlyMap<number, CalendarYearDays>;

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const isWeekend = (date: string): boolean => {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
};

/**
 * Whether `date` is a working day: a declared working weekend day is, a holiday is not, otherwise
 * Monday to Friday. `onMissingYear` hears of each look-up in a year without data.
 */
export function isWorkingDay(years: CalendarYears, date: string, onMissingYear: (year: number) => void = () => undefined): boolean {
  const year = years.get(yearOf(date));
  if (!year) {
    onMissingYear(yearOf(date));
    return !isWeekend(date);
  }
  if (year.workingDays.has(date)) return true;
  if (year.holidays.has(date)) return false;
  return !isWeekend(date);
}

/** The date `days` working days after `date` (the day itself not counted). */
export function addWorkingDays(years: CalendarYears, date: string, days: number, onMissingYear?: (year: number) => void): string {
  let current = date;
  for (let left = days; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(years, current, onMissingYear)) left -= 1;
  }
  return current;
}

/**
 * Working days of a window still to use on `today`: those after `opensOn` (a period does not count
 * the day it starts, as `addWorkingDays` counts it) from today through `dueOn`, both included.
 * On the day a 5-working-day window opens: 5; on its last day: 1; after it: 0.
 */
export function workingDaysLeft(years: CalendarYears, today: string, opensOn: string, dueOn: string, onMissingYear?: (year: number) => void): number {
  let left = 0;
  for (let day = today > opensOn ? today : addDays(opensOn, 1); day <= dueOn; day = addDays(day, 1)) if (isWorkingDay(years, day, onMissingYear)) left += 1;
  return left;
}

/** The last millisecond of a calendar date in Asia/Shanghai. */
export function endOfBusinessDay(date: string): Date {
  // Asia/Shanghai has had a fixed +08:00 offset (no daylight saving) since 1991.
  return new Date(new Date(`${addDays(date, 1)}T00:00:00+08:00`).getTime() - 1);
}

/** The deadline `days` working days after an instant: the end of that day in Asia/Shanghai. */
export function deadlineAfter(years: CalendarYears, instant: Date, days: number, onMissingYear?: (year: number) => void): Date {
  return endOfBusinessDay(addWorkingDays(years, businessDateOf(instant), days, onMissingYear));
}
