import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/access';
import { Problems } from '@app/core';

/** What an inspection needs to know of the complaint it follows up. */
export interface LinkableComplaint {
  id: string;
  agencyId: string | null;
}

/** Finds a complaint the actor may read (null when it does not exist or is out of the actor's scope). */
export type ComplaintFinder = (actor: Actor, id: string, manager: EntityManager) => Promise<LinkableComplaint | null>;

/**
 * The complaints module depends on this one (it plans inspections and reads risk), so it cannot be
 * imported here: it registers its scoped lookup at start-up instead, as it does its risk factor.
 */
@Injectable()
export class ComplaintLinks {
  private finder?: ComplaintFinder;

  register(finder: ComplaintFinder): void {
    this.finder = finder;
  }

  /**
   * The complaint an inspection is to follow up, answered like reading it: 404 when the actor may not
   * read it or it does not exist; 404 too in a process without the complaints module, which cannot check.
   */
  async assertLinkable(actor: Actor, complaintId: string, agencyId: string, manager: EntityManager): Promise<void> {
    const complaint = this.finder ? await this.finder(actor, complaintId, manager) : null;
    if (!complaint) throw Problems.notFound('Complaint', complaintId);
    if (complaint.agencyId !== null && complaint.agencyId !== agencyId) {
      throw Problems.invalid([{ field: 'complaintId', message: 'the complaint is about another agency' }]);
    }
  }
}
