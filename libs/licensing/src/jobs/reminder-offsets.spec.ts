import { offsetDue, parseReminderOffsets } from './reminder-offsets';

describe('reminder offsets', () => {
  it('parses the configured offsets, largest first, without duplicates', () => {
    expect(parseReminderOffsets('90,60,30,7,1')).toEqual([90, 60, 30, 7, 1]);
    expect(parseReminderOffsets(' 7, 30 ,7')).toEqual([30, 7]);
    expect(() => parseReminderOffsets(',')).toThrow();
  });

  it('picks the most recent offset whose day has come', () => {
    const offsets = [90, 60, 30, 7, 1];
    expect(offsetDue(offsets, 91)).toBeNull();
    expect(offsetDue(offsets, 90)).toBe(90);
    expect(offsetDue(offsets, 61)).toBe(90);
    expect(offsetDue(offsets, 60)).toBe(60);
    // A missed week: 30 and 7 both passed, only 7 is due.
    expect(offsetDue(offsets, 5)).toBe(7);
    expect(offsetDue(offsets, 0)).toBe(1);
    expect(offsetDue(offsets, -1)).toBeNull();
  });
});
