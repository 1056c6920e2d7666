import { addDays, FieldProblem } from '@app/core';
import { CaseStatus, DecidedSanction, EnforcementCase, ProposedSanction } from './case.entity';

/** Working days the agency has, after service of the notice, for representations and for a hearing request (Administrative Penalty Law arts. 44, 64, 85). */
export const REPRESENTATION_WORKING_DAYS = 5;
export const HEARING_REQUEST_WORKING_DAYS = 5;
/** Calendar days from opening within which a decision is due, and the reminders before it. */
export const DECISION_DUE_DAYS = 90;
export const DECISION_REMINDER_DAYS = [60, 80] as const;
/** Appeal windows from the decision: administrative reconsideration 60 days, litigation 6 months. */
export const RECONSIDERATION_DAYS = 60;
export const LITIGATION_MONTHS = 6;

/** Which steps lead from which states to which. A step not allowed from the current state is a 409 naming it. */
export const CASE_STEPS = {
  // The licences a case concerns are set before the notice names them.
  licences: { from: ['opened'], to: 'opened' },
  notice: { from: ['opened'], to: 'notice_served' },
  representations: { from: ['notice_served'], to: 'representations' },
  requestHearing: { from: ['notice_served', 'representations'], to: 'hearing_requested' },
  recordHearing: { from: ['hearing_requested'], to: 'hearing_held' },
  waiver: { from: ['notice_served', 'representations'], to: 'waived' },
  decision: { from: ['notice_served', 'representations', 'hearing_held'], to: 'decided' },
  appeal: { from: ['decided'], to: 'closed' },
  withdraw: { from: ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held'], to: 'withdrawn' },
  close: { from: ['decided'], to: 'closed' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: string }>;
export type CaseStep = keyof typeof CASE_STEPS;

export const PENDING_STATUSES: CaseStatus[] = ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held'];

/** A suspension, a revocation, or a fine at or above the province's large amount (none set: every fine) gives the right to a hearing. */
export function hearingEligible(sanction: ProposedSanction, fineAmount: number | null, largeAmount: number | null): boolean {
  if (sanction === 'suspension' || sanction === 'revocation') return true;
  if (sanction === 'fine') return largeAmount === null || (fineAmount ?? 0) >= largeAmount;
  return false;
}

/**
 * The first day a decision may be taken: the day after the last open window of the agency
 * (representations; a hearing request when it may ask for one and has not), or today once the
 * agency waived them in writing or was heard. Null: no window holds a decision back.
 */
export function decisionOpensOn(c: Pick<EnforcementCase, 'status' | 'waivedAt' | 'representationDueOn' | 'hearingEligible' | 'hearingDueOn'>): string | null {
  if (c.waivedAt || c.status === 'hearing_held') return null;
  const closes = [c.representationDueOn, c.hearingEligible ? c.hearingDueOn : null].filter((d): d is string => !!d).sort();
  const last = closes.at(-1);
  return last ? addDays(last, 1) : null;
}

/** Adds calendar months (31 January + 1 month is the last day of February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** How much lighter each sanction is: a decision may be as proposed, lighter, or none. */
const SEVERITY: Record<DecidedSanction, number> = { none: 0, warning: 1, fine: 2, suspension: 3, revocation: 4 };

export interface SanctionFields {
  sanction: DecidedSanction;
  fineAmount?: number;
  suspensionDays?: number;
}

/** A fine names its amount and a suspension its days; no other sanction takes either. */
export function sanctionFieldProblems(fields: SanctionFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.sanction === 'fine' && fields.fineAmount === undefined) problems.push({ field: 'fineAmount', message: 'a fine needs fineAmount' });
  if (fields.sanction !== 'fine' && fields.fineAmount !== undefined) problems.push({ field: 'fineAmount', message: 'fineAmount is for a fine only' });
  if (fields.sanction === 'suspension' && fields.suspensionDays === undefined) problems.push({ field: 'suspensionDays', message: 'a suspension needs suspensionDays' });
  if (fields.sanction !== 'suspension' && fields.suspensionDays !== undefined) problems.push({ field: 'suspensionDays', message: 'suspensionDays is for a suspension only' });
  return problems;
}

/** Whether `candidate` is heavier than `than`: a harsher kind, or the same kind with a larger fine or a longer suspension. */
export function heavier(than: SanctionFields, candidate: SanctionFields): boolean {
  if (SEVERITY[candidate.sanction] !== SEVERITY[than.sanction]) return SEVERITY[candidate.sanction] > SEVERITY[than.sanction];
  if (candidate.sanction === 'fine') return (candidate.fineAmount ?? 0) > (than.fineAmount ?? 0);
  if (candidate.sanction === 'suspension') return (candidate.suspensionDays ?? 0) > (than.suspensionDays ?? 0);
  return false;
}

/** A decision heavier than the notice proposed would need a new notice: refused. */
export function heavierThanProposed(c: Pick<EnforcementCase, 'proposedSanction' | 'proposedFineAmount' | 'proposedSuspensionDays'>, decided: SanctionFields): boolean {
  return heavier({ sanction: c.proposedSanction, fineAmount: c.proposedFineAmount ?? undefined, suspensionDays: c.proposedSuspensionDays ?? undefined }, decided);
}

/**
 * What an appeal body may vary a decision to: a sanction (not none: that is an annulment) no
 * heavier than the one decided and not the same (that is upholding it). Reconsideration and the
 * courts may not make the appellant worse off (Administrative Reconsideration Law art. 63,
 * Administrative Litigation Law art. 77).
 */
export function variationProblems(c: Pick<EnforcementCase, 'decidedSanction' | 'decidedFineAmount' | 'decidedSuspensionDays'>, varied: SanctionFields): FieldProblem[] {
  if (varied.sanction === 'none') return [{ field: 'sanction', message: 'a variation names a sanction; record the appeal as annulled to take the sanction away' }];
  const decided: SanctionFields = { sanction: c.decidedSanction ?? 'none', fineAmount: c.decidedFineAmount ?? undefined, suspensionDays: c.decidedSuspensionDays ?? undefined };
  const field = varied.sanction !== decided.sanction ? 'sanction' : varied.sanction === 'fine' ? 'fineAmount' : 'suspensionDays';
  if (heavier(decided, varied)) return [{ field, message: 'a varied sanction may not be heavier than the one decided' }];
  if (!heavier(varied, decided)) return [{ field, message: 'a varied sanction must differ from the one decided; record the appeal as upheld otherwise' }];
  return [];
}

/** Whether a decided case's sanction belongs on the public list (not a warning, not none, not annulled). */
export function isPublicSanction(c: Pick<EnforcementCase, 'decidedSanction' | 'appealOutcome'>): boolean {
  return (c.decidedSanction === 'fine' || c.decidedSanction === 'suspension' || c.decidedSanction === 'revocation') && c.appealOutcome !== 'annulled';
}

/** Credit grade from points over 24 months: A none (and last inspection compliant), B 1-11, C 12-23, D 24 and more. */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';
export const GRADE_C_POINTS = 12;
export const GRADE_D_POINTS = 24;
export const POINTS_WINDOW_MONTHS = 24;
/** Under surveillance (grade C), an agency is inspected at least this often. */
export const SURVEILLANCE_MONTHS = 6;

export function creditGrade(points: number, lastInspectionCompliant: boolean): CreditGrade {
  if (points >= GRADE_D_POINTS) return 'D';
  if (points >= GRADE_C_POINTS) return 'C';
  if (points > 0 || !lastInspectionCompliant) return 'B';
  return 'A';
}
