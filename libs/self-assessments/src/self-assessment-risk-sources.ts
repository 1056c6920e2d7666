import { EntityManager } from 'typeorm';
import { RiskContribution, RiskFactorSource } from '@app/inspections';
import { DISCREPANCIES_OF_S } from './discrepancies';

/** Overdue self-assessments (still draft or returned past the due date) and ones submitted late in the last two years. */
export const selfAssessmentsSource: RiskFactorSource = {
  factor: 'self_assessments',
  async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
    const rows = (await manager.query(
      `SELECT agency_id AS "agencyId",
              count(*) FILTER (WHERE status IN ('draft', 'returned') AND due_on < $2)::int AS overdue,
              count(*) FILTER (WHERE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date > due_on AND due_on >= $2::date - interval '2 years')::int AS late
         FROM self_assessments
        WHERE agency_id = ANY($1::uuid[])
        GROUP BY agency_id`,
      [agencyIds, today],
    )) as { agencyId: string; overdue: number; late: number }[];
    return rows.map((row) => ({
      agencyId: row.agencyId,
      points: Math.min(row.overdue * 10, 20) + Math.min(row.late * 3, 9),
      detail: `${row.overdue} overdue, ${row.late} submitted late`,
    }));
  },
};

/** Items answered yes that an inspection found non-compliant, in self-assessments of the last two years. */
export const discrepanciesSource: RiskFactorSource = {
  factor: 'discrepancies',
  async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
    const rows = (await manager.query(
      `SELECT s.agency_id AS "agencyId", count(DISTINCT (s.id, d.item_code))::int AS n
         FROM self_assessments s, LATERAL (${DISCREPANCIES_OF_S}) d
        WHERE s.agency_id = ANY($1::uuid[]) AND s.period >= extract(year FROM $2::date)::int - 2
        GROUP BY s.agency_id`,
      [agencyIds, today],
    )) as { agencyId: string; n: number }[];
    return rows.map((row) => ({ agencyId: row.agencyId, points: Math.min(row.n * 5, 20), detail: `${row.n} self-assessment answer${row.n === 1 ? '' : 's'} contradicted by inspections` }));
  },
};
