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
