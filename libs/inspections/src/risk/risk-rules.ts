import { Outcome } from '../scoring';

/** The risk score is capped here; factors are shown with their own points. */
export const MAX_RISK_SCORE = 100;

/**
 * Points of the last inspection: what it found, and how long ago. An agency never inspected is an
 * unknown, and unknowns are planned early, so it scores as high as a serious violation.
 */
export function lastInspectionPoints(last: { outcome: Outcome; monthsAgo: number } | null): { points: number; detail: string } {
  if (!last) return { points: 25, detail: 'never inspected' };
  const byOutcome: Record<Outcome, number> = { critical_violation: 35, serious_violation: 25, minor_issues: 10, compliant: 0 };
  const age = last.monthsAgo > 24 ? 10 : last.monthsAgo > 12 ? 5 : 0;
  return { points: byOutcome[last.outcome] + age, detail: `last inspection ${last.outcome}, ${last.monthsAgo} month${last.monthsAgo === 1 ? '' : 's'} ago` };
}

/** Open corrective actions weigh a little each; overdue ones much more. */
export function correctiveActionPoints(open: number, overdue: number): { points: number; detail: string } {
  return { points: Math.min(open * 2, 10) + Math.min(overdue * 6, 24), detail: `${open} open, ${overdue} overdue corrective actions` };
}

export const SANCTION_POINTS = { warning: 3, fine: 8, suspension: 15, revocation: 25 } as const;

/** Sanctions decided in the last three years, capped so one bad year does not last forever. */
export function sanctionPoints(counts: Partial<Record<keyof typeof SANCTION_POINTS, number>>): { points: number; detail: string } {
  const entries = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0) as [keyof typeof SANCTION_POINTS, number][];
  const points = entries.reduce((sum, [kind, n]) => sum + SANCTION_POINTS[kind] * n, 0);
  return { points: Math.min(points, 30), detail: `sanctions in the last 3 years: ${entries.map(([kind, n]) => `${n} ${kind}`).join(', ')}` };
}

/** Adds the factors up, capped at 100; factors without points are left out of the explanation. */
export function totalRisk<F extends { points: number }>(factors: F[]): { score: number; factors: F[] } {
  const shown = factors.filter((f) => f.points > 0).sort((a, b) => b.points - a.points);
  return { score: Math.min(MAX_RISK_SCORE, shown.reduce((sum, f) => sum + f.points, 0)), factors: shown };
}
