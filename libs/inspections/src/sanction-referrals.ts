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
  licenceId?: string;
  /** Checklist items found non-compliant: each is a ground of the case. */
  nonCompliantItems: string[];
  referredBy: Actor;
}

export type SanctionReferralHandler = (manager: EntityManager, referral: SanctionReferral) => Promise<{ caseId: string }>;

/**
 * No sanction changes a licence without due process: an inspection's sanction proposal opens an
 * enforcement case. The enforcement module registers the handler (it depends on this module, not
 * the other way round), and it runs in the inspection's transaction.
 */
@Injectable()
export class SanctionReferrals {
  private handler: SanctionReferralHandler | undefined;

  register(handler: SanctionReferralHandler): void {
    this.handler = handler;
  }

  refer(manager: EntityManager, referral: SanctionReferral): Promise<{ caseId: string }> {
    if (!this.handler) throw new Error('No enforcement module registered to open cases for sanction proposals');
    return this.handler(manager, referral);
  }
}
