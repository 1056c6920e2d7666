import { Criticality } from '@app/checklists';
import { addDays, FieldProblem } from '@app/core';
import { Sanction } from './inspection.entity';

/** Days the agency has to put a non-compliant item right, by the item's criticality. */
export const CORRECTIVE_ACTION_DAYS: Record<Criticality, number> = { critical: 15, major: 30, minor: 60 };

/** A serious violation calls for a follow-up visit this many days after the inspection is submitted. */
export const FOLLOW_UP_AFTER_DAYS = 30;

/**
 * A suspension of N days runs from the decision day through its last day, inclusive:
 * 30 days decided on 1 March suspend until 30 March.
 */
export function suspensionUntil(today: string, days: number): string {
  return addDays(today, days - 1);
}

/** A fine names its amount and a suspension its days; no other sanction takes either. */
export function sanctionFieldProblems(prefix: string, fields: { sanction: Sanction; fineAmount?: number; suspensionDays?: number }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.sanction === 'fine' && fields.fineAmount === undefined) problems.push({ field: `${prefix}fineAmount`, message: 'a fine needs fineAmount' });
  if (fields.sanction !== 'fine' && fields.fineAmount !== undefined) problems.push({ field: `${prefix}fineAmount`, message: 'fineAmount is for a fine only' });
  if (fields.sanction === 'suspension' && fields.suspensionDays === undefined) problems.push({ field: `${prefix}suspensionDays`, message: 'a suspension needs suspensionDays' });
  if (fields.sanction !== 'suspension' && fields.suspensionDays !== undefined) problems.push({ field: `${prefix}suspensionDays`, message: 'suspensionDays is for a suspension only' });
  return problems;
}
