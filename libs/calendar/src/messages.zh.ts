import { ZhMessageSet } from '@app/core';

/** Chinese for the calendar lib's messages. */
export const CALENDAR_ZH: ZhMessageSet = {
  terms: { 'Working calendar': '工作日历' },
  rules: [
    { en: '{date} is not a date', zh: '{date} 不是有效日期' },
    { en: '{date} is not in {year}', zh: '{date} 不在 {year} 年内' },
    { en: '{date} is listed twice', zh: '{date} 重复列出' },
    { en: '{date} is a weekday, a working day anyway: only a Saturday or Sunday can be declared one', zh: '{date} 是工作日，本来就要上班：只有周六或周日才能设为调休工作日' },
    { en: 'year must be a year, e.g. 2026', zh: 'year 必须是年份，例如 2026' },
    { en: 'year must be between {first} and {last}', zh: 'year 必须在 {first} 与 {last} 之间' },
    { en: 'date must be a YYYY-MM-DD date', zh: 'date 必须是 YYYY-MM-DD 格式的日期' },
  ],
};
