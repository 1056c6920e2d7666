import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/access';
import { Inspection } from './inspection.entity';

/** A sanction an inspection proposes, handed to enforcement to open (or find) its case. */
export interface SanctionReferral {
  inspection: Inspection;
  sanction: 'warning' | 'fine' | 'suspension' | 'revocation';
  /** Yuan, as inspections record it. */
  fineAmount: number | null;
  suspensionDays: number | null;
  reason: string | null;
  /** The licence the sanction concerns; the case names the agency's licences in force when omitted. */
  licenceId?: string;
  /** The bureau's call on the inspection: it revises the case the inspector's proposal opened, while no notice names its sanction yet. */
  revisesCase?: boolean;
  /** Checklist items found non-compliant: each is a ground of the case. */
  nonCompliantItems: string[];
  referredBy: Actor;
}

/** The case an inspection opened or joined. */
export class CaseRef {
  id: string;
  caseNumber: string;
}

export type SanctionReferralHandler = (manager: EntityManager, referral: SanctionReferral) => Promise<CaseRef>;

/** The case (not withdrawn) resting on an inspection, if the actor may see it. */
export type InspectionCaseLookup = (actor: Actor, inspectionId: string) => Promise<CaseRef | null>;

/**
 * No sanction changes a licence without due process: an inspection's sanction proposal opens an
 * enforcement case. The enforcement module registers the handler (it depends on this module, not
 * the other way round), and it runs in the inspection's transaction.
 */
@Injectable()
export class SanctionReferrals {
  private handler: SanctionReferralHandler | undefined;
  private lookup: InspectionCaseLookup | undefined;

  register(handler: SanctionReferralHandler, lookup?: InspectionCaseLookup): void {
    this.handler = handler;
    this.lookup = lookup;
  }

  refer(manager: EntityManager, referral: SanctionReferral): Promise<CaseRef> {
    if (!this.handler) throw new Error('No enforcement module registered to open cases for sanction proposals');
    return this.handler(manager, referral);
  }

  /** The inspection's case as the actor may see it (an agency: once the notice is served); null without one. */
  caseOf(actor: Actor, inspectionId: string): Promise<CaseRef | null> {
    return this.lookup ? this.lookup(actor, inspectionId) : Promise.resolve(null);
  }
}
