import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Actor } from '@app/access';
import { Problems } from '@app/core';
import { Licence, LicencesService } from '@app/licensing';
import { CaseLicence } from './case.entity';

/** Licences a sanction can still reach: a suspension an active one, a revocation an active or suspended one. */
const REACHABLE = { suspension: ['active'], revocation: ['active', 'suspended'] } as const;

/**
 * The licences a case concerns. Named when the case opens (by the inspection, the official, or
 * the agency's licences in force), set by the bureau until the notice names them, and the only
 * ones a decision may change.
 */
@Injectable()
export class CaseLicencesService {
  constructor(private readonly licences: LicencesService) {}

  /**
   * The licences named, each one the agency's, in the actor's scope (404 otherwise) and in force
   * (400 naming `field[i]` otherwise); the agency's licences in force when none is named.
   */
  async resolve(manager: EntityManager, actor: Actor, agencyId: string, licenceIds: string[] | undefined, field = 'licenceIds'): Promise<Licence[]> {
    if (!licenceIds || licenceIds.length === 0) return this.licences.inForce(manager, agencyId);
    const found: Licence[] = [];
    const problems: { field: string; message: string }[] = [];
    for (const [index, id] of [...new Set(licenceIds)].entries()) {
      const licence = await this.licences.get(actor, id, manager);
      if (licence.agencyId !== agencyId) problems.push({ field: `${field}[${index}]`, message: 'the licence belongs to another agency' });
      else if (licence.status !== 'active' && licence.status !== 'suspended') problems.push({ field: `${field}[${index}]`, message: 'the licence is not in force' });
      else found.push(licence);
    }
    if (problems.length > 0) throw Problems.invalid(problems);
    return found;
  }

  /**
   * What a job names (it checked its own records): those of the agency's licences in force, or
   * all of them when none of those named still is.
   */
  async forJob(manager: EntityManager, agencyId: string, licenceIds: string[] | undefined): Promise<Licence[]> {
    const inForce = await this.licences.inForce(manager, agencyId);
    const named = inForce.filter((l) => licenceIds?.includes(l.id));
    return named.length > 0 ? named : inForce;
  }

  async set(manager: EntityManager, caseId: string, licences: Licence[]): Promise<void> {
    await manager.delete(CaseLicence, { caseId });
    if (licences.length > 0) await manager.insert(CaseLicence, licences.map((l) => ({ caseId, licenceId: l.id })));
  }

  /** The case's licences, by number. */
  async of(manager: EntityManager, caseId: string): Promise<Licence[]> {
    const ids = (await manager.find(CaseLicence, { where: { caseId } })).map((l) => l.licenceId);
    return ids.length === 0 ? [] : manager.find(Licence, { where: { id: In(ids) }, order: { licenceNumber: 'ASC' } });
  }

  /** The case's licences a suspension or revocation can reach now; 409 when none can. */
  async reachable(manager: EntityManager, caseId: string, sanction: 'suspension' | 'revocation'): Promise<Licence[]> {
    const statuses: readonly string[] = REACHABLE[sanction];
    const reachable = (await this.of(manager, caseId)).filter((l) => statuses.includes(l.status));
    if (reachable.length === 0) {
      throw Problems.conflict(
        'no-licence-to-sanction',
        sanction === 'suspension' ? 'No licence the case names can be suspended' : 'No licence the case names can be revoked',
      );
    }
    return reachable;
  }
}
