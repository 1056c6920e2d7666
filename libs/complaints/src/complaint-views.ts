import { agencyLicenceNumbers, optionalAgencyNames } from '@app/agencies';
import { userDisplayName } from '@app/auth';
import { combineJoins } from '@app/core';
import { bureauName } from '@app/jurisdictions';
import { businessDateOf } from '@app/core';
import { Complaint, ComplaintEvent } from './complaint.entity';
import { COMPLAINT_TRANSITIONS, ComplaintStatus, OPEN_STATUSES } from './complaint-rules';
import { ComplaintDetailView, ComplaintEventView, ComplaintView, SlaStatus } from './complaints.dto';

/**
 * What a view needs to colour a deadline: the instant, and the last business date (Asia/Shanghai)
 * from which a deadline counts as near: today plus 2 working days of the official calendar.
 */
export interface SlaMoment {
  now: Date;
  dueSoonUntil: string;
}

/** What a complainant told us about themselves and their case: never stored in the audit trail. */
export const COMPLAINANT_PERSONAL_FIELDS = ['complainantName', 'complainantContact', 'description'] as const;

/**
 * The complaint as the audit trail keeps it: without the secret's hash, salt or dedup hash, and
 * without the complainant's personal data, of which only the fields present are named.
 */
export function auditableComplaint(complaint: Complaint): Partial<Complaint> & { personalDataFields: string[] } {
  const { secretHash: _hash, secretSalt: _salt, pinHash: _pin, dedupHash: _dedup, complainantName: _name, complainantContact: _contact, description: _description, ...rest } = complaint;
  return { ...rest, personalDataFields: COMPLAINANT_PERSONAL_FIELDS.filter((field) => complaint[field] !== null && complaint[field] !== undefined) };
}

/** Which personal fields an update changed, named without their values. */
export function personalDataChanged(before: Complaint, after: Complaint): string[] {
  return COMPLAINANT_PERSONAL_FIELDS.filter((field) => before[field] !== after[field]);
}

/** What a complaint's deadlines are read from. */
type SlaFields = Pick<Complaint, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'resolveDueAt'>;

export function isOverdue(complaint: SlaFields, now: Date): boolean {
  if (!OPEN_STATUSES.includes(complaint.status)) return false;
  return (!complaint.acknowledgedAt && complaint.ackDueAt < now) || complaint.resolveDueAt < now;
}

/** The deadline that runs now: acknowledgement until acknowledged, then resolution; none once disposed of. */
export function nextDeadline(complaint: SlaFields): Date | null {
  if (!OPEN_STATUSES.includes(complaint.status)) return null;
  if (!complaint.acknowledgedAt && complaint.ackDueAt < complaint.resolveDueAt) return complaint.ackDueAt;
  return complaint.resolveDueAt;
}

/**
 * The SLA colour of a complaint: breached once open past a deadline (red); due_soon from 2 working
 * days before the running deadline (amber); on_track before that (green); stopped once disposed of.
 */
export function slaStatusOf(complaint: SlaFields, moment: SlaMoment): SlaStatus {
  const next = nextDeadline(complaint);
  if (next === null) return 'stopped';
  if (isOverdue(complaint, moment.now)) return 'breached';
  return businessDateOf(next) <= moment.dueSoonUntil ? 'due_soon' : 'on_track';
}

/** A complaint's agency (names, licences in force), handling bureau and assignee by name. */
export const COMPLAINT_NAMES = combineJoins(
  optionalAgencyNames('c.agency_id'),
  agencyLicenceNumbers('c.agency_id'),
  bureauName('c.assigned_bureau_id', 'view_assigned_bureau', 'assignedBureauName'),
  userDisplayName('c.assignee_id', 'view_assignee', 'assigneeName'),
);

export type ComplaintNames = ReturnType<typeof COMPLAINT_NAMES.read>;

/** The columns a complaint list shows: no complainant's identity, which a list never shows. */
export const COMPLAINT_LIST_COLUMNS = [
  'id', 'trackingCode', 'channel', 'receivedAt', 'agencyId', 'agencyNameGiven', 'licenceNumberGiven', 'jurisdictionCode', 'categories',
  'description', 'destinationCountry', 'placementCode', 'amountClaimed', 'severity', 'status', 'assignedBureauId', 'assigneeId', 'ackDueAt', 'resolveDueAt',
  'acknowledgedAt', 'resolvedAt', 'extendedAt', 'slaBreached', 'outcome', 'inspectionId', 'workOrder', 'version',
] as const satisfies readonly (keyof Complaint)[];

/** A complaint as a list reads it; the complainant's fields only where a view may show them. */
export type ComplaintRow = Pick<Complaint, (typeof COMPLAINT_LIST_COLUMNS)[number]> & Partial<Pick<Complaint, 'complainantName' | 'complainantContact'>> & ComplaintNames;

/** A complaint for an official or agency; the complainant only when `showComplainant`. */
export function complaintView(complaint: ComplaintRow, moment: SlaMoment, showComplainant: boolean): ComplaintView {
  const now = moment.now;
  return {
    id: complaint.id,
    trackingCode: complaint.trackingCode,
    channel: complaint.channel,
    receivedAt: complaint.receivedAt,
    complainantName: showComplainant ? (complaint.complainantName ?? null) : null,
    complainantContact: showComplainant ? (complaint.complainantContact ?? null) : null,
    complainantVisible: showComplainant,
    agencyId: complaint.agencyId,
    agencyNameZh: complaint.agencyNameZh,
    agencyNameEn: complaint.agencyNameEn,
    licenceNumbers: complaint.licenceNumbers,
    agencyNameGiven: complaint.agencyNameGiven,
    licenceNumberGiven: complaint.licenceNumberGiven,
    jurisdictionCode: complaint.jurisdictionCode,
    categories: complaint.categories,
    description: complaint.description,
    destinationCountry: complaint.destinationCountry,
    placementCode: complaint.placementCode,
    amountClaimed: complaint.amountClaimed,
    severity: complaint.severity,
    status: complaint.status,
    assignedBureauId: complaint.assignedBureauId,
    assignedBureauName: complaint.assignedBureauName,
    assigneeId: complaint.assigneeId,
    assigneeName: complaint.assigneeName,
    ackDueAt: complaint.ackDueAt,
    resolveDueAt: complaint.resolveDueAt,
    acknowledgedAt: complaint.acknowledgedAt,
    resolvedAt: complaint.resolvedAt,
    extendedAt: complaint.extendedAt,
    slaBreached: complaint.slaBreached,
    overdue: isOverdue(complaint, now),
    nextDueAt: nextDeadline(complaint),
    slaStatus: slaStatusOf(complaint, moment),
    outcome: complaint.outcome,
    inspectionId: complaint.inspectionId,
    version: complaint.version,
  };
}

export function eventView(event: ComplaintEvent): ComplaintEventView {
  return {
    id: event.id,
    kind: event.kind,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    publicNote: event.publicNote,
    actorUsername: event.actorUsername,
    occurredAt: event.occurredAt,
  };
}

/**
 * What an agency sees of the history: status changes, public notes and its own answers; not the
 * officials' internal notes (which may name the complainant) nor who the officials are.
 */
export function agencyEventView(event: ComplaintEvent): ComplaintEventView {
  const own = event.kind === 'agency_answer';
  return {
    ...eventView(event),
    note: own ? event.note : null,
    actorUsername: own || event.actorRole === 'public' ? event.actorUsername : 'official',
  };
}

export function detailView(complaint: Complaint & ComplaintNames, events: ComplaintEvent[], moment: SlaMoment, showComplainant: boolean, forAgency: boolean): ComplaintDetailView {
  return {
    ...complaintView(complaint, moment, showComplainant),
    history: events.map(forAgency ? agencyEventView : eventView),
    // The state machine's next steps, so a page offers exactly these (agencies move nothing).
    allowedTransitions: forAgency ? [] : [...COMPLAINT_TRANSITIONS[complaint.status as ComplaintStatus]],
  };
}
