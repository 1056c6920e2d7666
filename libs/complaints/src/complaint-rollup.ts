import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';

/** The rollup's rows as the complaints table says they should be (one '*' row plus one per category). */
const EXPECTED_ROLLUP = `
  SELECT c.received_on AS day, substr(c.jurisdiction_code, 1, 2) || '0000' AS province_code, substr(c.jurisdiction_code, 1, 4) || '00' AS city_code,
         category, c.channel, c.agency_id, c.outcome,
         CASE WHEN c.resolved_at IS NULL THEN NULL ELSE timezone('Asia/Shanghai', c.resolved_at)::date - c.received_on END AS resolve_days,
         c.sla_breached, count(*)::int AS complaints
    FROM complaints c CROSS JOIN LATERAL unnest(ARRAY['*'] || c.categories) AS category
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const EXPECTED_MONTHLY = `
  WITH base AS (
    SELECT date_trunc('month', c.received_on)::date AS month, level.name AS level, level.code, category,
           c.outcome IN ('substantiated', 'partly_substantiated') AS substantiated, c.outcome IS NOT NULL AS decided, c.sla_breached,
           CASE WHEN c.resolved_at IS NULL THEN NULL ELSE timezone('Asia/Shanghai', c.resolved_at)::date - c.received_on END AS resolve_days
      FROM complaints c
     CROSS JOIN LATERAL unnest(ARRAY['*'] || c.categories) AS category
     CROSS JOIN LATERAL (VALUES ('nation', '000000'), ('province', substr(c.jurisdiction_code, 1, 2) || '0000'), ('city', substr(c.jurisdiction_code, 1, 4) || '00')) AS level(name, code)
  ), counts AS (
    SELECT month, level, code, category, count(*)::int AS complaints, (count(*) FILTER (WHERE substantiated))::int AS substantiated,
           (count(*) FILTER (WHERE decided))::int AS decided, (count(*) FILTER (WHERE sla_breached))::int AS sla_breaches,
           (count(*) FILTER (WHERE resolve_days IS NOT NULL))::int AS resolved
      FROM base GROUP BY 1, 2, 3, 4
  ), histograms AS (
    SELECT month, level, code, category, jsonb_object_agg(resolve_days::text, n) AS resolve_days
      FROM (SELECT month, level, code, category, resolve_days, count(*) AS n FROM base WHERE resolve_days IS NOT NULL GROUP BY 1, 2, 3, 4, 5) r
     GROUP BY 1, 2, 3, 4
  )
  SELECT counts.*, coalesce(histograms.resolve_days, '{}') AS resolve_days FROM counts LEFT JOIN histograms USING (month, level, code, category)`;
const ACTUAL_MONTHLY = `
  SELECT month, level, code, category, complaints, substantiated, decided, sla_breaches, resolved, resolve_days FROM complaint_monthly_counts`;
const ACTUAL_ROLLUP = `
  SELECT day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached, complaints
    FROM complaint_daily_counts WHERE complaints <> 0`;

/** Compares monthly rows as text: jsonb histograms compare by value, and zero counts match missing ones. */
const MONTHLY_COMPARABLE = (sql: string) =>
  `SELECT month, level, code, category, complaints, coalesce(substantiated, 0), coalesce(decided, 0), coalesce(sla_breaches, 0), coalesce(resolved, 0), resolve_days FROM (${sql}) m WHERE complaints <> 0`;

/**
 * Verifies and, if ever needed, rebuilds complaint_daily_counts and complaint_monthly_counts (the
 * trigger `complaints_rollup` of migrations/1763885100000-complaints.ts and
 * migrations/1763885400000-complaint-monthly-rollup.ts keeps them exact; this is the safety net the
 * scheduled rollup check calls). Both are single set-based statements; the recount queries above
 * must group exactly as complaint_rollup_apply and complaint_monthly_apply do.
 */
@Injectable()
export class ComplaintRollup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** How many rollup rows differ from a recount of the complaints (0 when exact). */
  async discrepancies(): Promise<number> {
    // EXCEPT compares NULLs as equal, which a join on the nullable key columns would not.
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM ((${EXPECTED_ROLLUP} EXCEPT ${ACTUAL_ROLLUP}) UNION ALL (${ACTUAL_ROLLUP} EXCEPT ${EXPECTED_ROLLUP})) AS daily)
            + (SELECT count(*) FROM ((${MONTHLY_COMPARABLE(EXPECTED_MONTHLY)} EXCEPT ${MONTHLY_COMPARABLE(ACTUAL_MONTHLY)})
                UNION ALL (${MONTHLY_COMPARABLE(ACTUAL_MONTHLY)} EXCEPT ${MONTHLY_COMPARABLE(EXPECTED_MONTHLY)})) AS monthly) AS n`,
    )) as { n: string }[];
    return Number(row.n);
  }

  /** Recomputes the rollup from the complaints, with writers to complaints held off meanwhile. */
  async rebuild(): Promise<{ rows: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE complaints IN SHARE MODE`);
      await manager.query(`DELETE FROM complaint_daily_counts`);
      await manager.query(
        `INSERT INTO complaint_daily_counts (day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached, complaints)
         ${EXPECTED_ROLLUP}`,
      );
      await manager.query(`DELETE FROM complaint_monthly_counts`);
      await manager.query(
        `INSERT INTO complaint_monthly_counts (month, level, code, category, complaints, substantiated, decided, sla_breaches, resolved, resolve_days)
         ${EXPECTED_MONTHLY}`,
      );
      const [{ rows }] = (await manager.query(
        `SELECT (SELECT count(*) FROM complaint_daily_counts) + (SELECT count(*) FROM complaint_monthly_counts) AS rows`,
      )) as { rows: string }[];
      await this.audit.record(manager, { action: 'complaint_rollup.rebuild', entityType: 'complaint_rollup', after: { rows: Number(rows) } });
      return { rows: Number(rows) };
    });
  }
}

/** The rollups as the complaints say they should be (bulk loads, e.g. the benchmark data, build them with these). */
export const COMPLAINT_ROLLUP_SQL = {
  daily: `INSERT INTO complaint_daily_counts (day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached, complaints) ${EXPECTED_ROLLUP}`,
  monthly: `INSERT INTO complaint_monthly_counts (month, level, code, category, complaints, substantiated, decided, sla_breaches, resolved, resolve_days) ${EXPECTED_MONTHLY}`,
};
