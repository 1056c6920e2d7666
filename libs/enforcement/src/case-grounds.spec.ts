import { groundLabel, groundProposal, inspectionFacts } from './case-grounds';

describe('the catalogue of case grounds', () => {
  it('names the record a ground refers to in each language, never mixed and never by id', () => {
    expect(groundLabel('annual_report_overdue', { year: 2025, dueOn: '2026-03-31' }, null)).toEqual({ zh: '2025 年度报告逾期未报', en: '2025 annual report not filed on time' });
    expect(groundLabel('finding', { inspectionDate: '2026-02-11', itemCode: 'PRO-1' }, null).zh).toBe('2026-02-11 检查的检查项 PRO-1 不合规');
  });

  it('falls back to the kind and the note when a ground predates its parameters', () => {
    expect(groundLabel('complaint', {}, { zh: '扣押护照', en: 'Passports held' })).toEqual({ zh: '投诉：扣押护照', en: 'Complaint: Passports held' });
  });

  it('writes the facts and legal basis of a job-only ground in each language', () => {
    const proposal = groundProposal('reserve_fund_overdue', { dueOn: '2026-05-06', requiredFen: 300_000_000 });
    expect(proposal).toEqual({
      sanction: 'warning',
      legalBasis: { zh: '对外劳务合作管理条例 第十条、第四十条', en: 'Regulation on Foreign Labour Service Cooperation, art. 10, 40' },
      facts: { zh: '备用金未在 2026-05-06 前补足至 3,000,000 元。', en: 'The reserve fund was not topped up to ¥3,000,000 by 2026-05-06.' },
    });
  });

  it('names the items an inspection failed, or its outcome by name', () => {
    expect(inspectionFacts('2026-02-11', ['PRO-1', 'FEE-2'], 'critical_violation')).toEqual({ zh: '2026-02-11 检查发现不合规项：PRO-1、FEE-2。', en: 'The inspection of 2026-02-11 found: PRO-1, FEE-2.' });
    expect(inspectionFacts('2026-02-11', [], 'critical_violation').zh).toBe('2026-02-11 检查结论：重大违规。');
    expect(inspectionFacts('2026-02-11', [], null).zh).toContain('未记录');
  });
});
