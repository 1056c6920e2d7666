import { EntityManager } from 'typeorm';
import type { RiskContribution, RiskFactorSource } from '@app/inspections';

/** Points per worker returned for abuse in the last three years. */
export const POINTS_PER_ABUSE_RETURN = 15;
/** Abuse returns alone never make up more than this much of the 0-100 score. */
export const MAX_ABUSE_POINTS = 30;

/** Workers who came back for abuse, within three years: a risk factor of the agency that sent them. */
export const placementAbuseSource: RiskFactorSource = {
  factor: 'placement_abuse',
  async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
    const rows = (await manager.query(
      `SELECT agency_id AS "agencyId", count(*)::int AS count FROM placements
        WHERE agency_id = ANY($1::uuid[]) AND return_reason = 'abuse' AND returned_on > $2::date - interval '3 years'
        GROUP BY agency_id`,
      [agencyIds, today],
    )) as { agencyId: string; count: number }[];
    return rows.map((row) => ({
      agencyId: row.agencyId,
      points: Math.min(MAX_ABUSE_POINTS, row.count * POINTS_PER_ABUSE_RETURN),
      detail: `${row.count} worker${row.count === 1 ? '' : 's'} placed abroad returned for abuse`,
    }));
  },
};
