import { Criticality } from '@app/checklists';

export const FINDING_RESULTS = ['compliant', 'non_compliant', 'not_applicable', 'not_checked'] as const;
export type FindingResult = (typeof FINDING_RESULTS)[number];

export const OUTCOMES = ['compliant', 'minor_issues', 'serious_violation', 'critical_violation'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Upper bound of the minor band: 1-15 points are minor issues, 16 or more a serious violation. */
export const MINOR_ISSUES_MAX_POINTS = 15;

export interface ScoredItem {
  criticality: Criticality;
  points: number;
  result: FindingResult;
}

export interface InspectionScore {
  /** Share of applicable items found compliant, 0-100, two decimals. */
  score: number;
  /** Points of the non-compliant items. */
  violationPoints: number;
  outcome: Outcome;
}

/**
 * The scoring rules of reference/checklists/README.md. Applicable means anything but
 * not_applicable: an item left not_checked is applicable and was not found compliant, so it
 * lowers the score (an inspection that skips items does not look better for it). With no
 * applicable item at all the score is 100: nothing was found wanting.
 */
export function scoreInspection(items: ScoredItem[]): InspectionScore {
  const nonCompliant = items.filter((i) => i.result === 'non_compliant');
  const applicable = items.filter((i) => i.result !== 'not_applicable');
  const compliant = applicable.filter((i) => i.result === 'compliant');
  const violationPoints = nonCompliant.reduce((sum, i) => sum + i.points, 0);
  const outcome: Outcome = nonCompliant.some((i) => i.criticality === 'critical')
    ? 'critical_violation'
    : violationPoints === 0
      ? 'compliant'
      : violationPoints <= MINOR_ISSUES_MAX_POINTS
        ? 'minor_issues'
        : 'serious_violation';
  return { score: percentage(compliant.length, applicable.length), violationPoints, outcome };
}

export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

/** A self-assessment's score: share of applicable answers that are yes, partly counting half. */
export function scoreSelfAssessment(answers: Answer[]): number {
  const applicable = answers.filter((a) => a !== 'not_applicable');
  const credit = applicable.reduce((sum, a) => sum + (a === 'yes' ? 1 : a === 'partly' ? 0.5 : 0), 0);
  return percentage(credit, applicable.length);
}

function percentage(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 10_000) / 100;
}
