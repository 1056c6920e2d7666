import { dateEn, dateZh, deadlineEn, deadlineIn, deadlineZh } from './deadline-words';

describe('deadline words', () => {
  it('says the day itself counts, in both languages', () => {
    expect(deadlineZh('2026-12-14')).toBe('2026年12月14日（含当日）前');
    expect(deadlineEn('2026-12-14')).toBe('by the end of 14 December 2026');
    expect(deadlineIn('zh-CN', '2026-01-05')).toBe('2026年1月5日（含当日）前');
    expect(deadlineIn('en', '2026-01-05')).toBe('by the end of 5 January 2026');
  });

  it('reads a timestamp as its day in Shanghai, and leaves what is no date alone', () => {
    expect(dateZh('2026-03-31T17:00:00Z')).toBe('2026年4月1日');
    expect(dateEn('2026-03-31T15:59:59Z')).toBe('31 March 2026');
    expect(dateEn('soon')).toBe('soon');
  });
});
