import { wholeMonths } from './complaint-trends.service';

describe('wholeMonths', () => {
  it('finds the whole calendar months inside a range', () => {
    expect(wholeMonths('2025-11-23', '2026-11-23')).toEqual({ first: '2025-12-01', last: '2026-10-01', end: '2026-10-31' });
    expect(wholeMonths('2026-01-01', '2026-03-31')).toEqual({ first: '2026-01-01', last: '2026-03-01', end: '2026-03-31' });
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ first: '2024-02-01', last: '2024-02-01', end: '2024-02-29' });
  });

  it('finds none in a range shorter than a month', () => {
    expect(wholeMonths('2026-01-05', '2026-01-31')).toBeNull();
    expect(wholeMonths('2026-01-15', '2026-02-10')).toBeNull();
  });
});
