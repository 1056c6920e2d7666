import { EntityManager } from 'typeorm';

/** One factor's contribution to one agency's score. */
export interface RiskContribution {
  agencyId: string;
  points: number;
  detail: string;
}

/**
 * A source of risk points. Each module that knows something risky about agencies (inspections,
 * self-assessments, and complaints once they land) registers one with RiskService.register() in
 * its onModuleInit; RiskService adds them up. A source answers for a whole set of agencies in one
 * query: no per-agency round trips.
 */
export interface RiskFactorSource {
  /** The factor's name, as shown with the score (e.g. `last_inspection`, `complaints`). */
  factor: string;
  compute(manager: EntityManager, agencyIds: string[], today: string): Promise<RiskContribution[]>;
}
