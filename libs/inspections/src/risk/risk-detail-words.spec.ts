import { correctiveActionPoints, lastInspectionPoints, sanctionPoints } from './risk-rules';
import { riskDetailEn, riskDetailZh } from './risk-detail-words';

describe('riskDetailZh', () => {
  it('puts every detail the inspection factors write into Chinese', () => {
    expect(riskDetailZh(lastInspectionPoints(null).detail)).toBe('从未检查');
    expect(riskDetailZh(lastInspectionPoints({ outcome: 'serious_violation', monthsAgo: 3 }).detail)).toBe('严重违规，3 个月前');
    expect(riskDetailZh(lastInspectionPoints({ outcome: 'compliant', monthsAgo: 1 }).detail)).toBe('合规，1 个月前');
    expect(riskDetailZh(correctiveActionPoints(2, 1).detail)).toBe('2 项未完成，1 项逾期');
    expect(riskDetailZh(sanctionPoints({ warning: 1, fine: 2 }).detail)).toBe('近 3 年：警告 1 次，罚款 2 次');
  });

  it('knows the complaint and self-assessment factors too', () => {
    expect(riskDetailZh('1 substantiated complaint (weight 2.5 after decay)')).toBe('1 件查证属实（按时间衰减后权重 2.5）');
    expect(riskDetailZh('0 overdue, 2 submitted late')).toBe('0 份逾期未交，2 份迟交');
    expect(riskDetailZh('3 self-assessment answers contradicted by inspections')).toBe('3 项自查回答与检查结果不符');
  });

  it('leaves a detail it does not know in English', () => {
    expect(riskDetailZh('something new')).toBe('something new');
  });
});

describe('riskDetailEn', () => {
  it('says outcomes in words and does not repeat the factor', () => {
    expect(riskDetailEn(lastInspectionPoints({ outcome: 'critical_violation', monthsAgo: 1 }).detail)).toBe('critical violation, 1 month ago');
    expect(riskDetailEn(correctiveActionPoints(2, 1).detail)).toBe('2 open, 1 overdue');
    expect(riskDetailEn(lastInspectionPoints(null).detail)).toBe('never inspected');
  });
});
