import { endOfBusinessDay, WorkingCalendar } from './working-days';

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar(['2026-10-01', '2026-10-02']);

  it('skips weekends', () => {
    // Friday 2026-11-20 + 1 working day is Monday 2026-11-23.
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(calendar.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
  });

  it('skips configured holidays', () => {
    // Wednesday 2026-09-30: Thursday and Friday are holidays, so the next working day is Monday.
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-05');
  });

  it('counts from a weekend day to the following working days', () => {
    expect(calendar.addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
  });

  it('ends a deadline at midnight Asia/Shanghai', () => {
    expect(endOfBusinessDay('2026-11-23').toISOString()).toBe('2026-11-23T15:59:59.999Z');
    // 2026-11-23T17:00Z is already 24 November in Shanghai.
    expect(calendar.deadlineAfter(new Date('2026-11-23T17:00:00Z'), 1).toISOString()).toBe('2026-11-25T15:59:59.999Z');
  });
});
