import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatDeadline } from './use-i18n';

describe('formatting for people (China time, the chosen language)', () => {
  it('shows a calendar day as that day in both languages', () => {
    expect(formatDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en')).toBe('March 1, 2026');
  });

  it('shows an instant on the day it is in China, with the time when asked', () => {
    // 16:30 UTC on 31 December is already 1 January in Beijing.
    expect(formatDate('2025-12-31T16:30:00Z', 'en')).toBe('January 1, 2026');
    expect(formatDate('2025-12-31T16:30:00Z', 'en', true)).toMatch(/January 1, 2026.*12:30/);
  });

  it('shows what it cannot read as it came', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('words a deadline with the day itself counting', () => {
    expect(formatDeadline('2026-12-14', 'zh-CN')).toBe('2026年12月14日（含当日）前');
    expect(formatDeadline('2026-12-14', 'en')).toBe('by the end of 14 December 2026');
  });

  it('names a country from its ISO code, the code when it knows no name', () => {
    expect(countryName('JP', 'en')).toBe('Japan');
    expect(countryName('JP', 'zh-CN')).toBe('日本');
    expect(countryName('not-a-code', 'en')).toBe('not-a-code');
  });
});
