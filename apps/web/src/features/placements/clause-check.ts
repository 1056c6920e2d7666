import type { PlacementReference } from './api/types';
import type { PlacementTexts } from './texts';

/** The form's contract as typed so far (numbers may still be empty). */
export interface DraftContract {
  monthlyWage?: number;
  currency?: string;
  hoursPerWeek?: number;
  restDaysPerWeek?: number;
  durationMonths?: number;
  insurance: boolean;
  returnTravelPaidBy: string;
  feesChargedToWorker?: number;
  documentsRetainedByEmployer: boolean;
  disputeResolution?: string;
  signedOn?: string;
}

export interface ClauseVerdict {
  code: string;
  titleZh: string;
  titleEn: string;
  ok: boolean;
  /** Why it is not met, in the reader's language. */
  why?: string;
}

type Clause = PlacementReference['clauses'][number];
type Destination = PlacementReference['destinations'][number];

/**
 * The sample contract's clauses as the form is filled: the same kinds and parameters the API
 * checks (libs/placements/src/rules/contract-clauses.ts); the API's answer stays the authority.
 */
export function checkDraft(contract: DraftContract, departureDate: string | undefined, clauses: Clause[], destination: Destination | undefined, rules: PlacementTexts['rules']): ClauseVerdict[] {
  const n = (clause: Clause, name: string, fallback: number) => clause.params[name] ?? fallback;
  const verdict = (clause: Clause, why: string | undefined): ClauseVerdict => ({ code: clause.code, titleZh: clause.titleZh, titleEn: clause.titleEn, ok: !why, why });
  return clauses
    .filter((clause) => clause.active)
    .map((clause) => {
      switch (clause.kind) {
        case 'monthly_wage_minimum': {
          if (!contract.monthlyWage || !contract.currency) return verdict(clause, rules.wageMissing);
          if (destination?.minimumMonthlyWage && destination.wageCurrency) {
            if (contract.currency !== destination.wageCurrency) return verdict(clause, rules.wageCurrency(destination.wageCurrency));
            if (contract.monthlyWage < destination.minimumMonthlyWage) return verdict(clause, rules.wageLow(String(destination.minimumMonthlyWage), destination.wageCurrency));
          }
          return verdict(clause, undefined);
        }
        case 'max_hours_per_week':
          return verdict(clause, contract.hoursPerWeek !== undefined && contract.hoursPerWeek > 0 && contract.hoursPerWeek <= n(clause, 'max', 48) ? undefined : rules.hours(n(clause, 'max', 48)));
        case 'min_rest_days_per_week':
          return verdict(clause, (contract.restDaysPerWeek ?? 0) >= n(clause, 'min', 1) ? undefined : rules.rest(n(clause, 'min', 1)));
        case 'duration_months': {
          const months = contract.durationMonths ?? 0;
          return verdict(clause, months >= n(clause, 'min', 1) && months <= n(clause, 'max', 60) ? undefined : rules.duration(n(clause, 'min', 1), n(clause, 'max', 60)));
        }
        case 'insurance':
          return verdict(clause, contract.insurance ? undefined : rules.insurance);
        case 'return_travel_employer':
          return verdict(clause, contract.returnTravelPaidBy === 'employer' ? undefined : rules.returnTravel);
        case 'no_worker_fees':
          return verdict(clause, (contract.feesChargedToWorker ?? 0) === 0 ? undefined : rules.fees);
        case 'documents_not_retained':
          return verdict(clause, contract.documentsRetainedByEmployer ? rules.documents : undefined);
        case 'dispute_resolution':
          return verdict(clause, (contract.disputeResolution ?? '').trim().length >= n(clause, 'minLength', 2) ? undefined : rules.disputes);
        case 'signed_before_departure':
          return verdict(clause, contract.signedOn && departureDate && contract.signedOn < departureDate ? undefined : rules.signed);
        default:
          return verdict(clause, undefined);
      }
    });
}
