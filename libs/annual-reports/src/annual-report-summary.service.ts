import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { CsvCell, csvDocument } from '@app/core';
import { jurisdictionNamesOf } from '@app/jurisdictions';
import { holdsLicenceInForceSql } from '@app/licensing';
import { dueOnOf } from './annual-report-rules';
import { AnnualReportSummaryView, FeeFlagView, FilingView, PlacementView, ProvinceSummaryView, SummaryQuery, TotalsView } from './annual-reports.dto';

/** Statuses whose figures count in totals: filed and not sent back for correction. */
export const COUNTED_STATUSES = ['submitted', 'resubmitted', 'accepted'];

const SUMS = ['workers_placed_domestic', 'workers_placed_abroad', 'employers_served', 'fees_from_employers_fen', 'fees_charged_to_workers_fen', 'fees_charged_to_workers_abroad_fen', 'complaints_received', 'staff_count'];
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

interface ProvinceRow extends Record<string, string | number> {
  province: string;
}

/**
 * National and provincial figures of one year's annual reports, in three statements: per
 * province (filing and totals; the provinces' names looked up after), placements by destination,
 * and the fee flags. The agencies that
 * owe a report are those in scope holding a licence in force (active or suspended) issued by the
 * end of the year, and any agency that opened one.
 */
@Injectable()
export class AnnualReportSummaryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(actor: Actor, query: SummaryQuery): Promise<AnnualReportSummaryView> {
    const province = query.province ? query.province.slice(0, 2) : null;
    const params = [query.year, `${query.year}-12-31`, `${actor.jurisdictionPrefix ?? 'none'}%`, province ? `${province}%` : '%', COUNTED_STATUSES];
    const obliged = `
      SELECT a.id, a.jurisdiction_code FROM ${AGENCY_ROWS_SQL} a
       WHERE a.jurisdiction_code LIKE $3 AND a.jurisdiction_code LIKE $4
         AND (${holdsLicenceInForceSql('a.id', '$2::date')}
              OR EXISTS (SELECT 1 FROM annual_reports x WHERE x.agency_id = a.id AND x.year = $1))`;
    const provinces = (await this.dataSource.query(
      `WITH obliged AS (${obliged})
       SELECT left(o.jurisdiction_code, 2) AS province,
              count(*)::int AS obliged,
              count(r.first_submitted_at)::int AS filed,
              count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE r.status IN ('submitted', 'resubmitted'))::int AS "awaitingReview",
              count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
              count(*) FILTER (WHERE r.first_submitted_at IS NULL)::int AS "notFiled",
              count(r.overdue_at)::int AS overdue,
              count(*) FILTER (WHERE r.status = ANY($5))::int AS reports,
              count(*) FILTER (WHERE r.status = ANY($5) AND r.fee_flag)::int AS "feeFlags",
              ${SUMS.map((c) => `COALESCE(sum(r.${c}) FILTER (WHERE r.status = ANY($5)), 0)::text AS "${camel(c)}"`).join(',\n              ')}
         FROM obliged o
         LEFT JOIN annual_reports r ON r.agency_id = o.id AND r.year = $1
        GROUP BY 1
        ORDER BY 1`,
      params,
    )) as ProvinceRow[];
    const byDestination = (await this.dataSource.query(
      `WITH obliged AS (${obliged})
       SELECT p.country, sum(p.workers)::int AS workers
         FROM obliged o
         JOIN annual_reports r ON r.agency_id = o.id AND r.year = $1 AND r.status = ANY($5)
        CROSS JOIN LATERAL jsonb_to_recordset(r.placements_abroad) AS p(country text, workers int)
        GROUP BY p.country
        ORDER BY workers DESC, p.country`,
      params,
    )) as PlacementView[];
    const feeFlags = (await this.dataSource.query(
      `WITH obliged AS (${obliged})
       SELECT r.id AS "reportId", r.agency_id AS "agencyId", a.name_zh AS "agencyNameZh", a.name_en AS "agencyNameEn", r.jurisdiction_code AS "jurisdictionCode",
              r.status, r.fees_charged_to_workers_abroad_fen::text AS "feesChargedToWorkersAbroadFen"
         FROM obliged o
         JOIN annual_reports r ON r.agency_id = o.id AND r.year = $1 AND r.status = ANY($5) AND r.fee_flag
         JOIN ${AGENCY_ROWS_SQL} a ON a.id = r.agency_id
        ORDER BY r.fees_charged_to_workers_abroad_fen DESC, r.id
        LIMIT 500`,
      params,
    )) as (Omit<FeeFlagView, 'feesChargedToWorkersAbroadFen'> & { feesChargedToWorkersAbroadFen: string })[];
    const names = await jurisdictionNamesOf(this.dataSource.manager, provinces.map((row) => `${row.province}0000`));
    const byProvince: ProvinceSummaryView[] = provinces.map((row) => ({
      provinceCode: `${row.province}0000`,
      provinceNameZh: names.get(`${row.province}0000`)?.zh ?? row.province,
      provinceNameEn: names.get(`${row.province}0000`)?.en ?? row.province,
      filing: filingOf(row),
      totals: totalsOf(row),
    }));
    return {
      year: query.year,
      province: province ? `${province}0000` : null,
      dueOn: dueOnOf(query.year),
      filing: filingOf(addUp(provinces, ['obliged', 'filed', 'accepted', 'awaitingReview', 'returned', 'notFiled', 'overdue'])),
      totals: totalsOf(addUp(provinces, ['reports', 'feeFlags', ...SUMS.map(camel)])),
      byProvince,
      byDestination,
      feeFlags: feeFlags.map((f) => ({ ...f, feesChargedToWorkersAbroadFen: Number(f.feesChargedToWorkersAbroadFen) })),
    };
  }
}

function addUp(rows: Record<string, string | number>[], keys: string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, rows.reduce((sum, row) => sum + Number(row[key]), 0)]));
}

function filingOf(row: Record<string, string | number>): FilingView {
  const n = (key: string) => Number(row[key]);
  return {
    obliged: n('obliged'),
    filed: n('filed'),
    accepted: n('accepted'),
    awaitingReview: n('awaitingReview'),
    returned: n('returned'),
    notFiled: n('notFiled'),
    overdue: n('overdue'),
    filingRate: n('obliged') === 0 ? 0 : Math.round((n('filed') / n('obliged')) * 10_000) / 10_000,
  };
}

function totalsOf(row: Record<string, string | number>): TotalsView {
  const n = (key: string) => Number(row[key]);
  return {
    reports: n('reports'),
    workersPlacedDomestic: n('workersPlacedDomestic'),
    workersPlacedAbroad: n('workersPlacedAbroad'),
    employersServed: n('employersServed'),
    feesFromEmployersFen: n('feesFromEmployersFen'),
    feesChargedToWorkersFen: n('feesChargedToWorkersFen'),
    feesChargedToWorkersAbroadFen: n('feesChargedToWorkersAbroadFen'),
    complaintsReceived: n('complaintsReceived'),
    staffCount: n('staffCount'),
    feeFlags: n('feeFlags'),
  };
}

const CSV_HEADER = [
  'level',
  'code',
  'name_zh',
  'name_en',
  'obliged',
  'filed',
  'filing_rate',
  'overdue',
  'reports',
  'workers_placed_domestic',
  'workers_placed_abroad',
  'employers_served',
  'fees_from_employers_yuan',
  'fees_charged_to_workers_yuan',
  'fees_charged_to_workers_abroad_yuan',
  'fee_flags',
  'complaints_received',
  'staff_count',
];

/** Fen as yuan with two decimals, exactly (no float arithmetic). */
export function yuan(fen: number): string {
  const negative = fen < 0;
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The summary as one CSV table: the national row, a row per province, then a row per destination country. */
export function summaryCsv(view: AnnualReportSummaryView): Promise<string> {
  const figures = (filing: FilingView, totals: TotalsView): CsvCell[] => [
    filing.obliged,
    filing.filed,
    filing.filingRate,
    filing.overdue,
    totals.reports,
    totals.workersPlacedDomestic,
    totals.workersPlacedAbroad,
    totals.employersServed,
    yuan(totals.feesFromEmployersFen),
    yuan(totals.feesChargedToWorkersFen),
    yuan(totals.feesChargedToWorkersAbroadFen),
    totals.feeFlags,
    totals.complaintsReceived,
    totals.staffCount,
  ];
  const rows: CsvCell[][] = [
    ['national', view.province ?? '000000', view.province ? '' : '全国', view.province ? '' : 'National', ...figures(view.filing, view.totals)],
    ...view.byProvince.map((p) => ['province', p.provinceCode, p.provinceNameZh, p.provinceNameEn, ...figures(p.filing, p.totals)]),
    ...view.byDestination.map((d) => ['destination', d.country, '', '', '', '', '', '', '', '', d.workers, '', '', '', '', '', '', '']),
  ];
  return csvDocument(CSV_HEADER, rows);
}
