import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { addDays, Clock, csvDocument, Problems } from '@app/core';
import { ReadReplicas } from '@app/database';
import { Language } from '@app/checklists';
import { SUBSTANTIATED_OUTCOMES } from './complaint-rules';
import { trendLabels } from './complaint-trend-labels';
import { AgencyAlert, AlertsQuery, AlertsView, Granularity, SpikeAlert, TrendGroup, TrendRow, TrendsQuery, TrendsView } from './complaints.dto';

/** SQL of each grouping over the rollup (whitelisted: never built from input). */
const GROUP_EXPRESSIONS: Record<TrendGroup, string> = {
  category: 'd.category',
  province: 'd.province_code',
  agency: `coalesce(d.agency_id::text, 'none')`,
  channel: 'd.channel',
  outcome: `coalesce(d.outcome, 'none')`,
};
const ROLLUP_SCOPE = { jurisdiction: 'd.city_code' };
/** Longest period a trend covers at each granularity, so an answer stays a readable size. */
const MAX_RANGE_DAYS: Record<Granularity, number> = { day: 2 * 366, week: 5 * 366, month: 20 * 366 };
/** How many earlier months a spike is compared with, how far above them it must be, and its floor. */
const SPIKE_BASELINE_MONTHS = 6;
const SPIKE_STD_DEVS = 3;
const SPIKE_MIN_COMPLAINTS = 5;
const AGENCY_ALERT_DAYS = 90;
const AGENCY_ALERT_MIN = 3;

interface RollupCell {
  period: string;
  grp: string;
  outcome: string | null;
  resolveDays: number | null;
  slaBreached: boolean;
  n: string;
}

/**
 * Trends and alerts, read from complaint_daily_counts and complaint_monthly_counts, never from
 * complaints. No service writes those tables (only ComplaintRollup.rebuild, the safety net): the
 * PL/pgSQL trigger `complaints_rollup` (function `complaint_rollup()`) updates both in the
 * transaction of every INSERT, UPDATE or DELETE on complaints. It is created in migrations/1763885100000-complaints.ts (daily rollup) and replaced in
 * migrations/1763885400000-complaint-monthly-rollup.ts (monthly rollup); a new dimension of a trend
 * needs a migration that changes complaint_rollup_apply / complaint_monthly_apply and backfills.
 * See docs/architecture.md, "The complaint roll-up".
 */
@Injectable()
export class ComplaintTrendsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly replicas: ReadReplicas,
  ) {}

  /**
   * Trends, each group labelled in `language` (Accept-Language) beside its code. Read from a
   * replica (the rollups lag anyway), unless the caller wrote in the last moments.
   */
  trends(actor: Actor, query: TrendsQuery, language: Language = 'zh-CN'): Promise<TrendsView> {
    return this.replicas.read((db) => this.trendsOn(db, actor, query, language), { userId: actor.userId });
  }

  private async trendsOn(db: DataSource, actor: Actor, query: TrendsQuery, language: Language): Promise<TrendsView> {
    const granularity: Granularity = query.granularity ?? 'month';
    let to = query.to ?? this.clock.today();
    let from = query.from ?? addDays(to, -365);
    if (from > to) throw Problems.invalid([{ field: 'from', message: 'from must not be after to' }]);
    if (addDays(from, MAX_RANGE_DAYS[granularity]) < to) {
      throw Problems.invalid([{ field: 'from', message: `at most ${MAX_RANGE_DAYS[granularity]} days by ${granularity}` }]);
    }
    if (granularity === 'month') {
      // A month's figures are the whole month's: the range widens to the months from and to fall in.
      from = `${from.slice(0, 7)}-01`;
      to = addDays(`${addMonths(to.slice(0, 7), 1)}-01`, -1);
    }
    const groupBy: TrendGroup = query.groupBy ?? 'category';
    // Month x category / province without channel or agency filters (the ministry's usual view)
    // comes from the small monthly rollup; every other shape from the daily one. Both are exact.
    const cells =
      granularity === 'month' && !query.channel && !query.agencyId && (groupBy === 'category' || groupBy === 'province')
        ? await this.monthlyCells(db, actor, query, groupBy, from, `${to.slice(0, 7)}-01`)
        : await this.dailyCells(db, actor, query, groupBy, granularity, from, to);
    const rows = summarise(cells);
    const labels = await trendLabels(db.manager, groupBy, [...new Set(rows.map((r) => r.group))], language);
    return { from, to, granularity, groupBy, language, rows: rows.map((row) => ({ ...row, label: labels.get(row.group) ?? row.group })) };
  }

  private async dailyCells(db: DataSource, actor: Actor, query: TrendsQuery, groupBy: TrendGroup, granularity: Granularity, from: string, to: string): Promise<MeasureCell[]> {
    const qb = this.rollup(actor, db)
      .select(`to_char(date_trunc('${granularity}', d.day), 'YYYY-MM-DD')`, 'period')
      .addSelect(GROUP_EXPRESSIONS[groupBy], 'grp')
      .addSelect('d.outcome', 'outcome')
      .addSelect('d.resolve_days', 'resolveDays')
      .addSelect('d.sla_breached', 'slaBreached')
      .addSelect('sum(d.complaints)', 'n')
      .andWhere('d.day BETWEEN :from AND :to', { from, to })
      .groupBy('1, 2, 3, 4, 5')
      .having('sum(d.complaints) <> 0');
    // Rows under category '*' count each complaint once; per-category rows count it per category named.
    if (query.category) qb.andWhere('d.category = :category', { category: query.category });
    else qb.andWhere(groupBy === 'category' ? `d.category <> '*'` : `d.category = '*'`);
    if (query.province) qb.andWhere('d.province_code = :province', { province: query.province });
    if (query.channel) qb.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.agencyId) qb.andWhere('d.agency_id = :agencyId', { agencyId: query.agencyId });
    return ((await qb.getRawMany()) as RollupCell[]).map(measuresOf);
  }

  private async monthlyCells(db: DataSource, actor: Actor, query: TrendsQuery, groupBy: 'category' | 'province', first: string, last: string): Promise<MeasureCell[]> {
    // The coarsest level of the monthly rollup that the caller's reach and the grouping allow.
    const level = actor.jurisdictionPrefix === '' ? (groupBy === 'province' || query.province ? 'province' : 'nation') : actor.jurisdictionPrefix?.length === 2 ? 'province' : 'city';
    const qb = applyScope(db.createQueryBuilder().from('complaint_monthly_counts', 'm'), actor, { jurisdiction: 'm.code' })
      .select(`to_char(m.month, 'YYYY-MM-DD')`, 'period')
      .addSelect(groupBy === 'category' ? 'm.category' : `substr(m.code, 1, 2) || '0000'`, 'grp')
      .addSelect('sum(m.complaints)', 'complaints')
      .addSelect('sum(m.substantiated)', 'substantiated')
      .addSelect('sum(m.decided)', 'decided')
      .addSelect('sum(m.sla_breaches)', 'slaBreaches')
      .addSelect('sum(m.resolved)', 'resolved')
      .addSelect('jsonb_agg(m.resolve_days)', 'histograms')
      .andWhere('m.level = :level', { level })
      .andWhere('m.month BETWEEN :first AND :last', { first, last })
      .groupBy('1, 2')
      .having('sum(m.complaints) <> 0');
    if (query.category) qb.andWhere('m.category = :category', { category: query.category });
    else qb.andWhere(groupBy === 'category' ? `m.category <> '*'` : `m.category = '*'`);
    if (query.province) qb.andWhere('m.code LIKE :provincePrefix', { provincePrefix: `${query.province.slice(0, 2)}%` });
    const rows = (await qb.getRawMany()) as (Omit<MeasureCell, 'histogram'> & { histograms: Record<string, number>[] })[];
    return rows.map(({ histograms, ...measures }) => {
      const histogram = new Map<number, number>();
      for (const part of histograms) for (const [days, n] of Object.entries(part)) histogram.set(Number(days), (histogram.get(Number(days)) ?? 0) + n);
      return {
        ...measures,
        complaints: Number(measures.complaints),
        substantiated: Number(measures.substantiated),
        decided: Number(measures.decided),
        slaBreaches: Number(measures.slaBreaches),
        resolved: Number(measures.resolved),
        histogram,
      };
    });
  }

  /** Spikes and agency alerts, each province, category and agency named in `language` beside its code. */
  async alerts(actor: Actor, query: AlertsQuery, language: Language = 'zh-CN'): Promise<AlertsView> {
    const today = this.clock.today();
    const lastMonth = query.month ?? today.slice(0, 7);
    const months = query.months ?? 12;
    const firstExamined = addMonths(lastMonth, -(months - 1));
    const firstNeeded = addMonths(firstExamined, -SPIKE_BASELINE_MONTHS);
    // Drilled into a province, every panel follows it: its spikes and its agencies only.
    const inProvince = (qb: SelectQueryBuilder<Record<string, unknown>>) =>
      query.province ? qb.andWhere('d.province_code = :province', { province: query.province }) : qb;
    const monthly = (await inProvince(this.rollup(actor))
      .select('d.province_code', 'province')
      .addSelect('d.category', 'category')
      .addSelect(`to_char(d.day, 'YYYY-MM')`, 'month')
      .addSelect('sum(d.complaints)', 'n')
      .andWhere(`d.category <> '*'`)
      .andWhere('d.day >= :start AND d.day < :end', { start: `${firstNeeded}-01`, end: `${addMonths(lastMonth, 1)}-01` })
      .groupBy('1, 2, 3')
      .getRawMany()) as { province: string; category: string; month: string; n: string }[];

    const since = addDays(today, -AGENCY_ALERT_DAYS);
    const agencies = (await inProvince(this.rollup(actor))
      .select('d.agency_id', 'agencyId')
      .addSelect('sum(d.complaints)', 'n')
      .andWhere(`d.category = '*' AND d.agency_id IS NOT NULL AND d.outcome IN (:...outcomes) AND d.day > :since`, {
        outcomes: SUBSTANTIATED_OUTCOMES,
        since,
      })
      .groupBy('d.agency_id')
      .having('sum(d.complaints) >= :min', { min: AGENCY_ALERT_MIN })
      .orderBy('2', 'DESC')
      .getRawMany()) as { agencyId: string; n: string }[];

    const spikes = findSpikes(monthly, firstExamined, lastMonth);
    const manager = this.dataSource.manager;
    const [provinces, categories, agencyNames] = await Promise.all([
      trendLabels(manager, 'province', [...new Set(spikes.map((s) => s.province))], language),
      trendLabels(manager, 'category', [...new Set(spikes.map((s) => s.category))], language),
      trendLabels(manager, 'agency', agencies.map((a) => a.agencyId), language),
    ]);
    return {
      spikes: spikes.map((s) => ({ ...s, provinceLabel: provinces.get(s.province) ?? s.province, categoryLabel: categories.get(s.category) ?? s.category })),
      agencies: agencies.map((a): AgencyAlert => ({ agencyId: a.agencyId, agencyName: agencyNames.get(a.agencyId) ?? a.agencyId, substantiated: Number(a.n), since })),
    };
  }

  private rollup(actor: Actor, db: DataSource = this.dataSource): SelectQueryBuilder<Record<string, unknown>> {
    return applyScope(db.createQueryBuilder().from('complaint_daily_counts', 'd'), actor, ROLLUP_SCOPE);
  }
}

/** What a trend row adds up, from either rollup. */
interface MeasureCell {
  period: string;
  grp: string;
  complaints: number;
  substantiated: number;
  decided: number;
  slaBreaches: number;
  resolved: number;
  histogram: Map<number, number>;
}

/** A daily rollup cell (one outcome, one resolve time) as measures. */
function measuresOf(cell: RollupCell): MeasureCell {
  const n = Number(cell.n);
  const resolved = cell.resolveDays !== null;
  return {
    period: cell.period,
    grp: cell.grp,
    complaints: n,
    substantiated: cell.outcome && (SUBSTANTIATED_OUTCOMES as readonly string[]).includes(cell.outcome) ? n : 0,
    decided: cell.outcome ? n : 0,
    slaBreaches: cell.slaBreached ? n : 0,
    resolved: resolved ? n : 0,
    histogram: resolved ? new Map([[Number(cell.resolveDays), n]]) : new Map(),
  };
}

/** Folds cells into one row per period and group, with rates and the median from the histogram. */
function summarise(cells: MeasureCell[]): TrendRow[] {
  const rows = new Map<string, { row: TrendRow; histogram: Map<number, number> }>();
  for (const cell of cells) {
    const key = `${cell.period}|${cell.grp}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: { period: cell.period, group: cell.grp, label: cell.grp, complaints: 0, substantiated: 0, decided: 0, substantiationRate: null, resolved: 0, medianDaysToResolve: null, slaBreaches: 0, slaBreachRate: 0 },
        histogram: new Map(),
      };
      rows.set(key, entry);
    }
    const { row, histogram } = entry;
    row.complaints += cell.complaints;
    row.decided += cell.decided;
    row.substantiated += cell.substantiated;
    row.slaBreaches += cell.slaBreaches;
    row.resolved += cell.resolved;
    for (const [days, n] of cell.histogram) histogram.set(days, (histogram.get(days) ?? 0) + n);
  }
  return [...rows.values()]
    .map(({ row, histogram }) => ({
      ...row,
      substantiationRate: row.decided > 0 ? round(row.substantiated / row.decided) : null,
      medianDaysToResolve: medianOf(histogram, row.resolved),
      slaBreachRate: row.complaints > 0 ? round(row.slaBreaches / row.complaints) : 0,
    }))
    .sort((a, b) => (a.period === b.period ? (a.group < b.group ? -1 : 1) : a.period < b.period ? -1 : 1));
}

/** The lower median (percentile_disc(0.5)) of a histogram of days. */
export function medianOf(histogram: Map<number, number>, total: number): number | null {
  if (total === 0) return null;
  let seen = 0;
  for (const [days, count] of [...histogram.entries()].sort(([a], [b]) => a - b)) {
    seen += count;
    if (seen >= total / 2) return days;
  }
  return null;
}

/** Province x category months above the mean of the previous six by three standard deviations (and at least 5). */
export function findSpikes(monthly: { province: string; category: string; month: string; n: string }[], firstExamined: string, lastMonth: string): Omit<SpikeAlert, 'provinceLabel' | 'categoryLabel'>[] {
  const series = new Map<string, Map<string, number>>();
  for (const m of monthly) {
    const key = `${m.province}|${m.category}`;
    if (!series.has(key)) series.set(key, new Map());
    series.get(key)?.set(m.month, Number(m.n));
  }
  const alerts: Omit<SpikeAlert, 'provinceLabel' | 'categoryLabel'>[] = [];
  for (const [key, counts] of series) {
    const [province, category] = key.split('|');
    for (let month = firstExamined; month <= lastMonth; month = addMonths(month, 1)) {
      const count = counts.get(month) ?? 0;
      if (count < SPIKE_MIN_COMPLAINTS) continue;
      const previous = Array.from({ length: SPIKE_BASELINE_MONTHS }, (_, i) => counts.get(addMonths(month, -(i + 1))) ?? 0);
      const mean = previous.reduce((s, v) => s + v, 0) / previous.length;
      const stdDev = Math.sqrt(previous.reduce((s, v) => s + (v - mean) ** 2, 0) / previous.length);
      const threshold = mean + SPIKE_STD_DEVS * stdDev;
      if (count > threshold) {
        alerts.push({ province, category, month, complaints: count, previousMean: round(mean), previousStdDev: round(stdDev), threshold: round(threshold) });
      }
    }
  }
  return alerts.sort((a, b) => (a.month === b.month ? b.complaints - a.complaints : a.month < b.month ? 1 : -1));
}

/** YYYY-MM plus whole months. */
export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The CSV's columns with their headers in each language; the group is named, never given by code or id. */
const CSV_COLUMNS: [keyof TrendRow, string, string][] = [
  ['period', '期间', 'Period'],
  ['label', '', ''],
  ['complaints', '投诉数', 'Complaints'],
  ['substantiated', '属实数', 'Substantiated'],
  ['decided', '有结论数', 'Decided'],
  ['substantiationRate', '属实率', 'Substantiation rate'],
  ['resolved', '办结数', 'Resolved'],
  ['medianDaysToResolve', '办结天数中位数', 'Median days to resolve'],
  ['slaBreaches', '超期数', 'SLA breaches'],
  ['slaBreachRate', '超期率', 'SLA breach rate'],
];

const GROUP_HEADERS: Record<TrendsView['groupBy'], [string, string]> = {
  category: ['投诉类别', 'Category'],
  province: ['省份', 'Province'],
  agency: ['机构', 'Agency'],
  channel: ['渠道', 'Channel'],
  outcome: ['处理结果', 'Outcome'],
};

/** Trends as CSV, one line per period and group (labels are agencies' own names: the writer neutralises formulas). */
export function trendsCsv(view: TrendsView): Promise<string> {
  const en = view.language === 'en';
  const headers = CSV_COLUMNS.map(([key, zh, english]) => (key === 'label' ? GROUP_HEADERS[view.groupBy][en ? 1 : 0] : en ? english : zh));
  return csvDocument(
    headers,
    view.rows.map((row) => CSV_COLUMNS.map(([key]) => row[key])),
  );
}
