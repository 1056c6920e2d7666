import type { components } from '@/lib/api/schema';

export type TrendRow = components['schemas']['TrendRow'];

export interface Pivot {
  periods: string[];
  groups: { code: string; label: string }[];
  /** count[period][group] */
  count: Map<string, Map<string, number>>;
}

/** Rows of (period, group) as a period x group grid: the chart's series and the table's cells. */
export function pivot(rows: TrendRow[]): Pivot {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const totals = new Map<string, { label: string; total: number }>();
  const count = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const entry = totals.get(row.group) ?? { label: row.label, total: 0 };
    entry.total += row.complaints;
    totals.set(row.group, entry);
    if (!count.has(row.period)) count.set(row.period, new Map());
    count.get(row.period)!.set(row.group, row.complaints);
  }
  // Biggest groups first: the legend and the table read from the most complaints down.
  const groups = [...totals.entries()].sort(([, a], [, b]) => b.total - a.total).map(([code, { label }]) => ({ code, label }));
  return { periods, groups, count };
}

/** Each group's total over the whole period, biggest first (the bar chart). */
export function totalsByGroup(rows: TrendRow[]): { code: string; label: string; complaints: number }[] {
  const totals = new Map<string, { code: string; label: string; complaints: number }>();
  for (const row of rows) {
    const entry = totals.get(row.group) ?? { code: row.group, label: row.label, complaints: 0 };
    entry.complaints += row.complaints;
    totals.set(row.group, entry);
  }
  return [...totals.values()].sort((a, b) => b.complaints - a.complaints);
}

/** The chart draws this many groups by name; the rest are summed into one "others" line (the table keeps them all). */
export const CHART_GROUPS = 6;
export const OTHERS = 'others';

/** The grid as the chart draws it: the biggest groups, then one group summing all the others. */
export function topGroupsWithOthers(grid: Pivot, othersLabel: string, top = CHART_GROUPS): Pivot {
  if (grid.groups.length <= top + 1) return grid;
  const kept = grid.groups.slice(0, top);
  const folded = grid.groups.slice(top);
  const count = new Map<string, Map<string, number>>();
  for (const [period, row] of grid.count) {
    const next = new Map(kept.map((g) => [g.code, row.get(g.code) ?? 0]));
    next.set(OTHERS, folded.reduce((sum, g) => sum + (row.get(g.code) ?? 0), 0));
    count.set(period, next);
  }
  return { periods: grid.periods, groups: [...kept, { code: OTHERS, label: othersLabel }], count };
}

/**
 * The period of the series that has not ended yet (today, Asia/Shanghai, falls in it), or undefined:
 * its count is partial and must not read as a drop. Weeks start on Monday, as the API's date_trunc.
 */
export function partialPeriod(periods: string[], granularity: 'day' | 'week' | 'month', today: string): string | undefined {
  const last = periods.at(-1);
  if (!last) return undefined;
  let start = today;
  if (granularity === 'month') start = `${today.slice(0, 7)}-01`;
  if (granularity === 'week') {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    start = date.toISOString().slice(0, 10);
  }
  return last === start ? last : undefined;
}
