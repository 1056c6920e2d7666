import { correctiveActionPoints, lastInspectionPoints, sanctionPoints, totalRisk } from './risk-rules';

describe('risk rules', () => {
  it('scores a never inspected agency as an unknown', () => {
    expect(lastInspectionPoints(null)).toEqual({ points: 25, detail: 'never inspected' });
  });

  it('adds age to the last outcome', () => {
    expect(lastInspectionPoints({ outcome: 'compliant', monthsAgo: 3 }).points).toBe(0);
    expect(lastInspectionPoints({ outcome: 'compliant', monthsAgo: 13 }).points).toBe(5);
    expect(lastInspectionPoints({ outcome: 'critical_violation', monthsAgo: 30 }).points).toBe(45);
  });

  it('caps corrective actions and sanctions', () => {
    expect(correctiveActionPoints(1, 1).points).toBe(8);
    expect(correctiveActionPoints(20, 20).points).toBe(34);
    expect(sanctionPoints({ suspension: 1, warning: 1 }).points).toBe(18);
    expect(sanctionPoints({ revocation: 2 }).points).toBe(30);
  });

  it('caps the total at 100 and explains it by the factors with points, largest first', () => {
    const result = totalRisk([
      { factor: 'a', points: 45 },
      { factor: 'b', points: 0 },
      { factor: 'c', points: 34 },
      { factor: 'd', points: 30 },
    ]);
    expect(result.score).toBe(100);
    expect(result.factors.map((f) => f.factor)).toEqual(['a', 'c', 'd']);
  });
});
