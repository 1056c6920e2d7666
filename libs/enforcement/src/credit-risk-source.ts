import { sanctionPoints, type RiskFactorSource } from '@app/inspections';
import { addMonths } from './case-rules';
import { CaseQueries } from './case-queries';
import { DemeritPointsService } from './demerit-points.service';

/** Risk points of an agency under surveillance (grade C) or proposed for revocation (grade D): it rises in the inspection priorities. */
const GRADE_POINTS = { C: 20, D: 30 } as const;

export function creditRiskSource(points: DemeritPointsService): RiskFactorSource {
  return {
    factor: 'credit_grade',
    async compute(manager, agencyIds) {
      const rows = await points.surveillance(manager, agencyIds);
      return rows.map((r) => ({
        agencyId: r.agencyId,
        points: GRADE_POINTS[r.grade as 'C' | 'D'],
        detail: r.grade === 'C' ? `credit grade C: under surveillance, inspection due by ${r.surveillanceDueOn}` : 'credit grade D: revocation proposed',
      }));
    },
  };
}

/** Sanctions looked back on by the risk score. */
const PAST_SANCTIONS_MONTHS = 36;

/**
 * The risk score's past sanctions: cases' decisions in the last three years as they stand after
 * appeals (a proposal counts nothing until decided; none and annulled count nothing).
 */
export function pastSanctionsRiskSource(cases: CaseQueries): RiskFactorSource {
  return {
    factor: 'past_sanctions',
    async compute(manager, agencyIds, today) {
      const rows = await cases.decidedSanctionCounts(manager, agencyIds, addMonths(today, -PAST_SANCTIONS_MONTHS));
      return rows.map((row) => ({ agencyId: row.agencyId, ...sanctionPoints(row.counts) }));
    },
  };
}
