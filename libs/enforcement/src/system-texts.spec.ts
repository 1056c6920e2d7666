import { inspectionFacts } from './system-texts';

describe('system-written case facts', () => {
  it('name the items failed, Chinese first', () => {
    expect(inspectionFacts('2026-02-11', ['PRO-1', 'FEE-2'], 'critical_violation')).toBe('2026-02-11 检查发现不合规项：PRO-1、FEE-2。 / The inspection of 2026-02-11 found: PRO-1, FEE-2.');
  });

  it('name the outcome in each language, never its code', () => {
    const facts = inspectionFacts('2026-02-11', [], 'critical_violation');
    expect(facts).toBe('2026-02-11 检查结论：重大违规。 / The inspection of 2026-02-11 found: critical violation.');
    expect(inspectionFacts('2026-02-11', [], null)).toContain('未记录');
  });
});
