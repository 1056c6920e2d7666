/** The states, channels and outcomes of the design, and the rules that relate them. */

export const COMPLAINT_STATUSES = ['received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CHANNELS = ['web', 'hotline', 'walk_in', 'letter', 'referral'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
/** Channels an official records; `web` is the public form only. */
export const OFFICIAL_CHANNELS = ['hotline', 'walk_in', 'letter', 'referral'] as const;

export const COMPLAINT_OUTCOMES = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
/** Outcomes that count as substantiated for rates, alerts and the risk score. */
export const SUBSTANTIATED_OUTCOMES: readonly ComplaintOutcome[] = ['substantiated', 'partly_substantiated'];

export const SEVERITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * received → triaged → investigating → resolved | referred | dismissed → closed; a disposed or
 * closed complaint may be reopened, and a reopened one is investigated again. A complaint can be
 * referred or dismissed at triage without an investigation.
 */
export const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['triaged'],
  triaged: ['investigating', 'referred', 'dismissed'],
  investigating: ['resolved', 'referred', 'dismissed'],
  resolved: ['closed', 'reopened'],
  referred: ['closed', 'reopened'],
  dismissed: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['investigating'],
};

/** Statuses in which the case is disposed of: the resolution deadline no longer runs. */
export const DISPOSED_STATUSES: readonly ComplaintStatus[] = ['resolved', 'referred', 'dismissed', 'closed'];
export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter((s) => !DISPOSED_STATUSES.includes(s));

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

export interface CategoryRule {
  code: string;
  severityFloor: Severity;
  forcedLabourIndicator: boolean;
}

/** The highest severity floor of the categories named; urgent whenever one is a forced-labour indicator. */
export function severityOf(categories: readonly CategoryRule[]): Severity {
  if (categories.some((c) => c.forcedLabourIndicator)) return 'urgent';
  return categories.reduce<Severity>(
    (highest, c) => (SEVERITIES.indexOf(c.severityFloor) > SEVERITIES.indexOf(highest) ? c.severityFloor : highest),
    'low',
  );
}
