import { FieldProblem } from '@app/core';
import { AnnualReport, Placement } from './annual-report.entity';

/** The report for a year is due on 31 March of the next year; from 1 April it is overdue. */
export const dueOnOf = (year: number): string => `${year + 1}-03-31`;

/** Reminder days (month-day, Asia/Shanghai) in the year after the one reported. */
export const REMINDER_DAYS = ['03-01', '03-20'] as const;

/** The reminder due on `today` for last year's report: the latest reminder day reached in March, else none. */
export function reminderDueOn(today: string): (typeof REMINDER_DAYS)[number] | null {
  const monthDay = today.slice(5);
  if (monthDay < '03-01' || monthDay > '03-31') return null;
  return monthDay >= '03-20' ? '03-20' : '03-01';
}

/** The figures of a report that must all be given before it is submitted. */
export const REQUIRED_FIGURES = [
  'workersPlacedDomestic',
  'workersPlacedAbroad',
  'employersServed',
  'feesFromEmployersFen',
  'feesChargedToWorkersFen',
  'feesChargedToWorkersAbroadFen',
  'complaintsReceived',
  'staffCount',
] as const;

/** Every figure a report holds: the required ones, the placements by country and the reserve fund balance. */
export const FIGURES = [...REQUIRED_FIGURES, 'placementsAbroad', 'reserveFundBalanceFen'] as const;

type Figures = Pick<AnnualReport, (typeof REQUIRED_FIGURES)[number] | 'placementsAbroad'>;

/**
 * Totals that must agree with each other: placements by country once each and summing to the
 * workers placed abroad; fees charged to workers abroad part of all fees charged to workers.
 * A draft may leave figures out (null) and the placements by country for later: only what is
 * given is compared; `complete` (on submission) compares everything.
 */
export function consistencyProblems(report: Figures, complete = false): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  report.placementsAbroad.forEach((placement, index) => {
    if (seen.has(placement.country)) problems.push({ field: `placementsAbroad[${index}].country`, message: `${placement.country} is given more than once` });
    seen.add(placement.country);
  });
  const placed = report.placementsAbroad.reduce((sum, p) => sum + p.workers, 0);
  if (report.workersPlacedAbroad !== null && placed !== report.workersPlacedAbroad && (report.placementsAbroad.length > 0 || complete)) {
    problems.push({ field: 'placementsAbroad', message: `placements by destination country add up to ${placed}, not the ${report.workersPlacedAbroad} workers placed abroad` });
  }
  if (report.workersPlacedAbroad === null && report.placementsAbroad.length > 0) {
    problems.push({ field: 'workersPlacedAbroad', message: 'give the number of workers placed abroad with the placements by country' });
  }
  if (report.feesChargedToWorkersAbroadFen !== null && report.feesChargedToWorkersFen !== null && report.feesChargedToWorkersAbroadFen > report.feesChargedToWorkersFen) {
    problems.push({ field: 'feesChargedToWorkersAbroadFen', message: 'fees charged to workers placed abroad cannot exceed all fees charged to workers' });
  }
  if (report.workersPlacedAbroad === 0 && (report.feesChargedToWorkersAbroadFen ?? 0) > 0) {
    problems.push({ field: 'feesChargedToWorkersAbroadFen', message: 'fees charged to workers placed abroad need workers placed abroad' });
  }
  return problems;
}

/** What is still missing before the report can be submitted. */
export function missingFigures(report: Figures): string[] {
  return REQUIRED_FIGURES.filter((key) => report[key] === null);
}

/** One destination's workers as declared in the report and as filed placements (by departure year). */
export interface PlacementComparison {
  country: string;
  declared: number;
  filed: number;
  differs: boolean;
}

/** Declared against filed, per destination of either; a row differs when the two counts do. */
export function comparePlacements(declared: readonly Placement[], filed: readonly Placement[]): PlacementComparison[] {
  const countries = [...new Set([...declared.map((p) => p.country), ...filed.map((p) => p.country)])].sort();
  const count = (list: readonly Placement[], country: string) => list.filter((p) => p.country === country).reduce((sum, p) => sum + p.workers, 0);
  return countries.map((country) => {
    const row = { country, declared: count(declared, country), filed: count(filed, country) };
    return { ...row, differs: row.declared !== row.filed };
  });
}
