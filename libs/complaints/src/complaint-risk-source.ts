import { EntityManager } from 'typeorm';
import type { RiskContribution, RiskFactorSource } from '@app/inspections';
import { ComplaintsService } from './complaints.service';

/** Risk points per unit of decayed complaint weight (a fresh substantiated urgent complaint weighs 5: 15 points). */
const POINTS_PER_WEIGHT = 3;
/** Complaints alone never make up more than this much of the 0-100 score. */
const MAX_COMPLAINT_POINTS = 30;

/** Substantiated complaints, weighted by severity and halving every six months, as a risk factor. */
export function complaintRiskSource(complaints: ComplaintsService): RiskFactorSource {
  return {
    factor: 'complaints',
    async compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]> {
      const weights = await complaints.substantiatedComplaintWeights(agencyIds, new Date(`${today}T23:59:59.999+08:00`), manager);
      return [...weights].map(([agencyId, { weight, count }]) => ({
        agencyId,
        points: Math.min(MAX_COMPLAINT_POINTS, Math.round(weight * POINTS_PER_WEIGHT)),
        detail: `${count} substantiated complaint${count === 1 ? '' : 's'} (weight ${weight.toFixed(1)} after decay)`,
      }));
    },
  };
}
