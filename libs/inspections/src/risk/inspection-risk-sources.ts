import { EntityManager } from 'typeorm';
import { Outcome } from '../scoring';
import { RiskContribution, RiskFactorSource } from './risk-factor-source';
import { correctiveActionPoints, lastInspectionPoints } from './risk-rules';

/** The agency's latest submitted inspection, its outcome and age; agencies never inspected count too. */
export const lastInspectionSource: RiskFactorSource = {
  factor: 'last_inspection',
  async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
    const rows = (await manager.query(
      `SELECT ids.id AS "agencyId", last.outcome,
              (EXTRACT(YEAR FROM age($2::date, last.inspection_date)) * 12 + EXTRACT(MONTH FROM age($2::date, last.inspection_date)))::int AS "monthsAgo"
         FROM unnest($1::uuid[]) AS ids(id)
         LEFT JOIN LATERAL (
           SELECT i.outcome, i.inspection_date FROM inspections i
            WHERE i.agency_id = ids.id AND i.status IN ('submitted', 'closed')
            ORDER BY i.inspection_date DESC, i.submitted_at DESC LIMIT 1
         ) last ON true`,
      [agencyIds, today],
    )) as { agencyId: string; outcome: Outcome | null; monthsAgo: number | null }[];
    return rows.map((row) => ({
      agencyId: row.agencyId,
      ...lastInspectionPoints(row.outcome ? { outcome: row.outcome, monthsAgo: Math.max(0, row.monthsAgo ?? 0) } : null),
    }));
  },
};

/** Open and overdue corrective actions (an open one past its due date is overdue even before the nightly job marks it). */
export const correctiveActionsSource: RiskFactorSource = {
  factor: 'corrective_actions',
  async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
    const rows = (await manager.query(
      `SELECT agency_id AS "agencyId",
              count(*) FILTER (WHERE status IN ('open', 'submitted') AND due_on >= $2)::int AS open,
              count(*) FILTER (WHERE status = 'overdue' OR (status = 'open' AND due_on < $2))::int AS overdue
         FROM corrective_actions
        WHERE agency_id = ANY($1::uuid[]) AND status <> 'verified'
        GROUP BY agency_id`,
      [agencyIds, today],
    )) as { agencyId: string; open: number; overdue: number }[];
    return rows.map((row) => ({ agencyId: row.agencyId, ...correctiveActionPoints(row.open, row.overdue) }));
  },
};
