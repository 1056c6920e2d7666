import { describe, expect, it } from 'vitest';
import { OTHERS, partialPeriod, pivot, topGroupsWithOthers, type TrendRow } from './trends-table';

const FIGURES = { substantiated: 0, decided: 0, resolved: 0, slaBreaches: 0, slaBreachRate: 0 };

const rows = (groups: number): TrendRow[] =>
  Array.from({ length: groups }, (_, i) => [
    { ...FIGURES, period: '2026-10-01', group: `g${i}`, label: `G${i}`, complaints: 100 - i },
    { ...FIGURES, period: '2026-11-01', group: `g${i}`, label: `G${i}`, complaints: 10 },
  ]).flat();

describe('topGroupsWithOthers (the chart draws the biggest groups and one line for the rest)', () => {
  it('keeps the six biggest and sums the others per period', () => {
    const chart = topGroupsWithOthers(pivot(rows(18)), 'Others');
    expect(chart.groups.map((g) => g.code)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5', OTHERS]);
    expect(chart.groups.at(-1)!.label).toBe('Others');
    // g6..g17: 94 + 93 + ... + 83 in October, 12 x 10 in November.
    expect(chart.count.get('2026-10-01')!.get(OTHERS)).toBe([...Array(12).keys()].reduce((sum, i) => sum + 94 - i, 0));
    expect(chart.count.get('2026-11-01')!.get(OTHERS)).toBe(120);
  });

  it('leaves a grid of seven groups or fewer as it is (an "others" of one would hide a name)', () => {
    const grid = pivot(rows(7));
    expect(topGroupsWithOthers(grid, 'Others')).toBe(grid);
  });
});

describe('partialPeriod (the period still running is marked, not read as a drop)', () => {
  it('is the current month when the series ends in it', () => {
    expect(partialPeriod(['2026-11-01', '2026-12-01'], 'month', '2026-12-07')).toBe('2026-12-01');
    expect(partialPeriod(['2026-10-01', '2026-11-01'], 'month', '2026-12-07')).toBeUndefined();
  });

  it('is the current week from its Monday, and today by day', () => {
    expect(partialPeriod(['2026-11-30', '2026-12-07'], 'week', '2026-12-09')).toBe('2026-12-07');
    expect(partialPeriod(['2026-12-06', '2026-12-07'], 'week', '2026-12-06')).toBeUndefined();
    expect(partialPeriod(['2026-12-06', '2026-12-07'], 'day', '2026-12-07')).toBe('2026-12-07');
  });

  it('is nothing for an empty series', () => {
    expect(partialPeriod([], 'month', '2026-12-07')).toBeUndefined();
  });
});
