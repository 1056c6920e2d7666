import type { RiskFactorSource } from '@app/inspections';
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
