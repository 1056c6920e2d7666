import { describe, expect, it } from 'vitest';
import { agencyName } from './agency-name';
import { todayInChina } from './today';

describe('agency names and China\'s day', () => {
  it('uses the English name when reading English and there is one, the Chinese one otherwise', () => {
    expect(agencyName({ nameZh: '华信劳务', nameEn: 'Huaxin Labour' }, 'en')).toBe('Huaxin Labour');
    expect(agencyName({ nameZh: '华信劳务', nameEn: 'Huaxin Labour' }, 'zh-CN')).toBe('华信劳务');
    expect(agencyName({ nameZh: '华信劳务', nameEn: null }, 'en')).toBe('华信劳务');
  });

  it('prefers the agency* fields that lists carry over plain names', () => {
    expect(agencyName({ agencyNameZh: '甲', agencyNameEn: 'A', nameZh: '乙', nameEn: 'B' }, 'en')).toBe('A');
    expect(agencyName({}, 'zh-CN')).toBe('');
  });

  it('gives today as China counts it (YYYY-MM-DD)', () => {
    expect(todayInChina()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
