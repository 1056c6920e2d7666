import { addDays, businessDateOf, SettableClock } from './clock';

describe('business dates', () => {
  it('are calendar dates in Asia/Shanghai, not UTC', () => {
    expect(businessDateOf(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(businessDateOf(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });

  it('are right when asked again within a minute and back in time', () => {
    expect(businessDateOf(new Date('2026-11-23T16:00:59Z'))).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-23T16:00:01Z'))).toBe('2026-11-24');
    expect(businessDateOf(new Date('2026-11-23T15:59:30Z'))).toBe('2026-11-23');
    expect(businessDateOf(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
  });

  it('add days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('move with a settable clock', () => {
    const clock = new SettableClock('2026-01-01T00:00:00Z');
    clock.advance(86_400_000);
    expect(clock.today()).toBe('2026-01-02');
  });
});
