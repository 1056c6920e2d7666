import { isWorkday } from 'chinese-days';
import { addDays } from '@app/core';
import { WORKING_CALENDAR_2004_2026 } from '../../../migrations/data/working-calendar-2004-2026';
import { addWorkingDays, CalendarYears, deadlineAfter, isWorkingDay, workingDaysLeft } from './working-days';

/** The calendar as the migration seeds it. */
const seeded: CalendarYears = new Map(
  WORKING_CALENDAR_2004_2026.map((year) => [
    year.year,
    { holidays: new Set(year.holidays.map(([date]) => date)), workingDays: new Set(year.workingDays.map(([date]) => date)) },
  ]),
);

describe('working days of the seeded calendar', () => {
  it('counts 5 working days after Fri 2026-02-13 to 2026-02-27 (Sat 14 Feb works; 15–23 Feb is Spring Festival)', () => {
    expect(addWorkingDays(seeded, '2026-02-13', 5)).toBe('2026-02-27');
  });

  it('counts 5 working days after Wed 2026-09-30 to 2026-10-13 (1–7 Oct National Day; Sat 10 Oct works)', () => {
    expect(addWorkingDays(seeded, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('counts the working days left of a window as addWorkingDays counts its length: 5 on the day a 5-day window opens, 1 on its last', () => {
    const due = addWorkingDays(seeded, '2026-02-13', 5);
    expect(workingDaysLeft(seeded, '2026-02-13', '2026-02-13', due)).toBe(5);
    expect(workingDaysLeft(seeded, '2026-02-14', '2026-02-13', due)).toBe(5);
    expect(workingDaysLeft(seeded, '2026-02-16', '2026-02-13', due)).toBe(4);
    expect(workingDaysLeft(seeded, '2026-02-27', '2026-02-13', due)).toBe(1);
    expect(workingDaysLeft(seeded, '2026-02-28', '2026-02-13', due)).toBe(0);
  });

  it('ends a deadline at midnight Shanghai time of its last working day', () => {
    expect(deadlineAfter(seeded, new Date('2026-02-13T02:00:00Z'), 5).toISOString()).toBe('2026-02-27T15:59:59.999Z');
  });

  it('agrees with chinese-days on every day of every seeded year', () => {
    const disagreements: string[] = [];
    for (let date = '2004-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (isWorkingDay(seeded, date) !== isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it('falls back to Monday to Friday in a year without data, and says which year', () => {
    const missing: number[] = [];
    // Fri 2027-01-01 (New Year's Day in fact) counts as a working day without a 2027 calendar.
    expect(addWorkingDays(seeded, '2026-12-31', 1, (year) => missing.push(year))).toBe('2027-01-01');
    expect(addWorkingDays(seeded, '2027-01-01', 1, (year) => missing.push(year))).toBe('2027-01-04');
    expect(new Set(missing)).toEqual(new Set([2027]));
  });
});
