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
const ACTUAL_ROLLUP = `
  SELECT day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached, complaints
    FROM complaint_daily_counts WHERE complaints <> 0`;

/**
 * Verifies and, if ever needed, rebuilds complaint_daily_counts (the trigger keeps it exact; this
 * is the safety net the scheduled rollup check calls). Both are single set-based statements.
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
      `SELECT count(*)::int AS n FROM ((${EXPECTED_ROLLUP} EXCEPT ${ACTUAL_ROLLUP}) UNION ALL (${ACTUAL_ROLLUP} EXCEPT ${EXPECTED_ROLLUP})) AS diff`,
    )) as { n: number }[];
    return row.n;
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
      const [{ rows }] = (await manager.query(`SELECT count(*)::int AS rows FROM complaint_daily_counts`)) as { rows: number }[];
      await this.audit.record(manager, { action: 'complaint_rollup.rebuild', entityType: 'complaint_rollup', after: { rows } });
      return { rows };
    });
  }
}
