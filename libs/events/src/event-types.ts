/** What other systems are told of, each with public fields only. */
export const EVENT_TYPES = [
  'licence.issued',
  'licence.suspended',
  'licence.reinstated',
  'licence.revoked',
  'licence.surrendered',
  'licence.expired',
  'sanction.decided',
  'sanction.varied',
  'sanction.annulled',
  'agency.registered',
  'agency.renamed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The public identifiers of what an event is about. */
export interface EventSubject {
  agencyUscc: string;
  licenceNumber?: string;
  caseNumber?: string;
}

/** An event as its owning lib writes it, inside the transaction of the change. */
export interface NewEvent {
  type: EventType;
  occurredAt: Date;
  subject: EventSubject;
  /** Public fields only: what the public register or sanctions list shows of the subject. */
  data: Record<string, unknown>;
}
