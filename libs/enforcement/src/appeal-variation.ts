import { EntityManager } from 'typeorm';
import { addDays } from '@app/core';
import { LicencesService } from '@app/licensing';
import { DecidedSanction, EnforcementCase } from './case.entity';
import { AppealRequest } from './cases.dto';

/** The national reach the licence changes of an appeal need (the case was read in the official's scope). */
type LicenceReader = Parameters<LicencesService['get']>[0];

export interface Variation {
  sanction: DecidedSanction;
  fineAmount: number | null;
  suspensionDays: number | null;
  /** Licences the varied sanction still reaches (the public list names them). */
  sanctionedLicenceIds: string[];
  /** Licence numbers given back, and those whose suspension now ends on another day. */
  restored: string[];
  resuspended: { licenceNumber: string; until: string }[];
}

/**
 * Puts the appeal body's sanction in place of the decided one, on the licences the decision
 * reached: a warning or a fine gives them back; a suspension (shorter, or in place of a
 * revocation) runs from the decision's effective date, and gives them back at once when that
 * many days have already passed.
 */
export async function applyVariation(
  manager: EntityManager,
  licences: LicencesService,
  reader: LicenceReader,
  c: EnforcementCase,
  request: AppealRequest,
  today: string,
): Promise<Variation> {
  const sanction = request.sanction as DecidedSanction;
  const result: Variation = {
    sanction,
    fineAmount: sanction === 'fine' ? (request.fineAmount ?? null) : null,
    suspensionDays: sanction === 'suspension' ? (request.suspensionDays ?? null) : null,
    sanctionedLicenceIds: sanction === 'suspension' ? c.sanctionedLicenceIds : [],
    restored: [],
    resuspended: [],
  };
  const reason = `Case ${c.caseNumber}: the decision was varied on ${request.body} (${request.decidedOn})`;
  const details = { caseId: c.id, caseNumber: c.caseNumber, appeal: { body: request.body, outcome: request.outcome, decidedOn: request.decidedOn, sanction } };
  const until = sanction === 'suspension' ? addDays(c.effectiveOn ?? today, (request.suspensionDays as number) - 1) : null;
  for (const licenceId of c.sanctionedLicenceIds) {
    const licence = await licences.get(reader, licenceId, manager);
    // A licence reinstated, surrendered or expired since the decision is the varied sanction's no more.
    if (licence.status !== 'suspended' && licence.status !== 'revoked') continue;
    if (until !== null && until >= today) {
      if (licence.status === 'suspended' && licence.suspendedUntil === until) continue;
      await licences.applyTransition(manager, licence, 'resuspend', reason, { until, details });
      result.resuspended.push({ licenceNumber: licence.licenceNumber, until });
    } else {
      await licences.applyTransition(manager, licence, 'restore', reason, { details });
      result.restored.push(licence.licenceNumber);
    }
  }
  return result;
}
