import { scoreInspection, scoreSelfAssessment, ScoredItem } from './scoring';

const item = (criticality: ScoredItem['criticality'], points: number, result: ScoredItem['result']): ScoredItem => ({ criticality, points, result });

describe('scoreInspection', () => {
  it('any critical item non-compliant is a critical violation, whatever the points', () => {
    expect(scoreInspection([item('critical', 0, 'non_compliant'), item('minor', 3, 'compliant')]).outcome).toBe('critical_violation');
  });

  it.each([
    [0, 'compliant'],
    [1, 'minor_issues'],
    [15, 'minor_issues'],
    [16, 'serious_violation'],
  ])('%i points of non-compliant items give %s', (points, outcome) => {
    const items = [item('critical', 0, 'compliant'), item('major', points, points > 0 ? 'non_compliant' : 'compliant')];
    expect(scoreInspection(items)).toMatchObject({ outcome, violationPoints: points });
  });

  it('scores the share of applicable items found compliant; not_checked counts against, not_applicable does not', () => {
    const result = scoreInspection([
      item('major', 8, 'compliant'),
      item('major', 8, 'compliant'),
      item('minor', 3, 'non_compliant'),
      item('minor', 3, 'not_checked'),
      item('minor', 3, 'not_applicable'),
    ]);
    expect(result.score).toBe(50);
    expect(result.violationPoints).toBe(3);
  });

  it('rounds to two decimals and gives 100 when nothing applies', () => {
    expect(scoreInspection([item('minor', 3, 'compliant'), item('minor', 3, 'compliant'), item('minor', 1, 'non_compliant')]).score).toBe(66.67);
    expect(scoreInspection([item('minor', 3, 'not_applicable')]).score).toBe(100);
  });
});

describe('scoreSelfAssessment', () => {
  it('counts partly as half and leaves not_applicable out', () => {
    expect(scoreSelfAssessment(['yes', 'partly', 'no', 'not_applicable'])).toBe(50);
    expect(scoreSelfAssessment(['yes', 'yes', 'partly', 'partly'])).toBe(75);
  });
});
