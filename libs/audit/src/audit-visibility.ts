import { Actor, Role } from '@app/access';
import { AuditEvent } from './audit-event.entity';
import { AuditEventView } from './audit.dto';

/** Record types that are case data, and the audit readers who may read those cases. */
const CASE_READERS: Record<string, readonly Role[]> = {
  complaint: ['ministry_official'],
  inspection: ['ministry_official'],
  corrective_action: ['ministry_official'],
  self_assessment: ['ministry_official'],
  licence_application: ['ministry_official'],
};

/** Personal data of complainants, withheld from every reader of the trail (rows from before it was kept out). */
const PERSONAL_KEYS = ['complainantName', 'complainantContact', 'description'];

/** The event as this reader may see it. */
export function shownTo(actor: Actor, event: AuditEvent): Omit<AuditEventView, 'actionZh' | 'actionEn' | 'entityTypeZh' | 'entityTypeEn'> & { payloadWithheld?: true } {
  const readers = CASE_READERS[event.entityType];
  if (readers && !readers.includes(actor.role)) return { ...event, before: null, after: null, payloadWithheld: true };
  if (event.entityType !== 'complaint') return event;
  return { ...event, before: withoutPersonalData(event.before), after: withoutPersonalData(event.after) };
}

function withoutPersonalData(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const kept = Object.entries(payload).filter(([key]) => !PERSONAL_KEYS.includes(key));
  return kept.length === Object.keys(payload).length ? payload : { ...Object.fromEntries(kept), personalDataWithheld: true };
}
