/**
 * The sample employment contract's clauses as rules. Each clause a system admin keeps in
 * `placement_contract_clauses` names one of these kinds and its parameters, so an admin can tighten
 * a limit or add a clause of a known kind; the check each kind makes lives here, in code.
 * docs/placements.md lists the clauses and their sources.
 */
export const CLAUSE_KINDS = [
  'monthly_wage_minimum',
  'max_hours_per_week',
  'min_rest_days_per_week',
  'duration_months',
  'insurance',
  'return_travel_employer',
  'no_worker_fees',
  'documents_not_retained',
  'dispute_resolution',
  'signed_before_departure',
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export const RETURN_TRAVEL_PAYERS = ['employer', 'worker', 'agency', 'shared'] as const;
export type ReturnTravelPayer = (typeof RETURN_TRAVEL_PAYERS)[number];

/** The contract as filed (the fields of `contract` in POST /placements). */
export interface ContractTerms {
  monthlyWage: number | null;
  currency: string | null;
  hoursPerWeek: number;
  restDaysPerWeek: number;
  durationMonths: number;
  insurance: boolean;
  returnTravelPaidBy: ReturnTravelPayer;
  feesChargedToWorker: number;
  documentsRetainedByEmployer: boolean;
  disputeResolution: string | null;
  signedOn: string;
}

/** A clause of the sample contract, as stored. */
export interface ContractClause {
  code: string;
  kind: ClauseKind;
  /** `max` for hours, `min` for rest days, `min`/`max` for duration, `minLength` for dispute resolution. */
  params: Record<string, number>;
  titleZh: string;
  titleEn: string;
  sourceTitle: string;
  sourceUrl: string;
}

/** The destination's minimum monthly wage, when one is configured. */
export interface MinimumWage {
  amount: number;
  currency: string;
}

/** A clause the contract does not meet, in both languages. */
export interface ClauseFailure {
  clause: string;
  field: string;
  titleZh: string;
  titleEn: string;
  messageZh: string;
  messageEn: string;
}

type Verdict = { ok: true } | { ok: false; field: string; en: string; zh: string };
const OK: Verdict = { ok: true };
const fail = (field: string, en: string, zh: string): Verdict => ({ ok: false, field, en, zh });

function param(clause: ContractClause, name: string, fallback: number): number {
  const value = clause.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

const CHECKS: Record<ClauseKind, (terms: ContractTerms, clause: ContractClause, context: { departureDate: string; minimumWage: MinimumWage | null }) => Verdict> = {
  monthly_wage_minimum: (t, _c, { minimumWage }) => {
    if (t.monthlyWage === null || !(t.monthlyWage > 0) || !t.currency) return fail('contract.monthlyWage', 'the contract must state a monthly wage and its currency', '合同须写明月工资及币种');
    if (!minimumWage) return OK;
    if (t.currency !== minimumWage.currency) {
      return fail('contract.currency', `the wage must be stated in ${minimumWage.currency}, the currency of the destination's minimum wage`, `工资须以目的国最低工资的币种 ${minimumWage.currency} 写明`);
    }
    if (t.monthlyWage < minimumWage.amount) {
      return fail('contract.monthlyWage', `the monthly wage ${t.monthlyWage} ${t.currency} is below the destination's minimum of ${minimumWage.amount} ${minimumWage.currency}`, `月工资 ${t.monthlyWage} ${t.currency} 低于目的国最低工资 ${minimumWage.amount} ${minimumWage.currency}`);
    }
    return OK;
  },
  max_hours_per_week: (t, c) => {
    const max = param(c, 'max', 48);
    return t.hoursPerWeek > 0 && t.hoursPerWeek <= max ? OK : fail('contract.hoursPerWeek', `working hours must be at most ${max} a week`, `每周工作时间不得超过 ${max} 小时`);
  },
  min_rest_days_per_week: (t, c) => {
    const min = param(c, 'min', 1);
    return t.restDaysPerWeek >= min ? OK : fail('contract.restDaysPerWeek', `the worker must have at least ${min} rest day(s) a week`, `每周至少休息 ${min} 天`);
  },
  duration_months: (t, c) => {
    const min = param(c, 'min', 1);
    const max = param(c, 'max', 60);
    return t.durationMonths >= min && t.durationMonths <= max ? OK : fail('contract.durationMonths', `the contract must last from ${min} to ${max} months`, `合同期限须在 ${min} 至 ${max} 个月之间`);
  },
  insurance: (t) => (t.insurance ? OK : fail('contract.insurance', 'the employer must insure the worker (work injury and medical care)', '雇主须为劳动者投保（工伤和医疗）')),
  return_travel_employer: (t) =>
    t.returnTravelPaidBy === 'employer' ? OK : fail('contract.returnTravelPaidBy', 'the employer must pay the return journey', '回国旅费须由雇主承担'),
  no_worker_fees: (t) =>
    t.feesChargedToWorker === 0 ? OK : fail('contract.feesChargedToWorker', 'no fee may be charged to the worker: the employer pays', '不得向劳动者收取任何费用，费用由雇主承担'),
  documents_not_retained: (t) =>
    t.documentsRetainedByEmployer ? fail('contract.documentsRetainedByEmployer', "the employer may not keep the worker's passport or other documents", '雇主不得扣留劳动者的护照或其他证件') : OK,
  dispute_resolution: (t, c) => {
    const minLength = param(c, 'minLength', 2);
    return (t.disputeResolution ?? '').trim().length >= minLength ? OK : fail('contract.disputeResolution', 'the contract must name how disputes are resolved', '合同须写明争议解决方式');
  },
  signed_before_departure: (t, _c, { departureDate }) =>
    t.signedOn < departureDate ? OK : fail('contract.signedOn', 'the contract must be signed before departure', '合同须在出境前签订'),
};

/**
 * Every clause the contract fails, in the clauses' order. Pure: the same terms, clauses and
 * destination always give the same answer, and an empty list means the contract may be filed.
 */
export function checkContract(
  terms: ContractTerms,
  clauses: readonly ContractClause[],
  context: { departureDate: string; minimumWage: MinimumWage | null },
): ClauseFailure[] {
  const failures: ClauseFailure[] = [];
  for (const clause of clauses) {
    const check = CHECKS[clause.kind];
    if (!check) continue;
    const verdict = check(terms, clause, context);
    if (!verdict.ok) failures.push({ clause: clause.code, field: verdict.field, titleZh: clause.titleZh, titleEn: clause.titleEn, messageZh: verdict.zh, messageEn: verdict.en });
  }
  return failures;
}
