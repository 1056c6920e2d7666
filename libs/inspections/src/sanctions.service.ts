import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor } from '@app/auth/access';
import { Clock, Problems } from '@app/core';
import { Licence, LicencesService } from '@app/licensing';
import { Inspection } from './inspection.entity';
import { sanctionFieldProblems, suspensionUntil } from './inspection-rules';
import { InspectionView, SanctionDecisionRequest } from './inspections.dto';
import { InspectionsService } from './inspections.service';
import { RiskService } from './risk/risk.service';

/**
 * A bureau admin's decision on a submitted inspection's sanction. A suspension or revocation
 * moves the licence through LicencesService in the same transaction, so the decision, the licence
 * change, their events and audit records commit together or not at all.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly licences: LicencesService,
    private readonly audit: AuditService,
    private readonly risk: RiskService,
    private readonly clock: Clock,
  ) {}

  async decide(actor: Actor, id: string, request: SanctionDecisionRequest): Promise<InspectionView> {
    const problems = sanctionFieldProblems('', request);
    if (request.licenceId && request.sanction !== 'suspension' && request.sanction !== 'revocation') {
      problems.push({ field: 'licenceId', message: 'licenceId is for a suspension or revocation only' });
    }
    if (problems.length > 0) throw Problems.invalid(problems);
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.inspections.get(actor, id, manager);
      if (inspection.status !== 'submitted') throw Problems.illegalTransition('Inspection', inspection.status, 'closed');
      if (inspection.version !== request.version) throw Problems.staleVersion('Inspection', inspection.version);
      const sanctioned = await this.applyToLicences(manager, actor, inspection, request);
      const decided = await this.inspections.bumpVersion(manager, inspection, {
        status: 'closed',
        sanctionDecision: request.sanction,
        decidedFineAmount: request.fineAmount ?? null,
        decidedSuspensionDays: request.suspensionDays ?? null,
        sanctionDecisionReason: request.reason,
        sanctionDecidedBy: actor.userId,
        sanctionDecidedAt: this.clock.now(),
        sanctionedLicenceIds: sanctioned.map((l) => l.id),
      });
      await this.audit.record(manager, { action: 'inspection.sanction_decision', entityType: 'inspection', entityId: id, before: inspection, after: decided });
      await this.risk.recompute(manager, [inspection.agencyId]);
    });
    return this.inspections.view(actor, id);
  }

  /** Suspends or revokes the named licence, or every licence of the agency the sanction can apply to. */
  private async applyToLicences(manager: EntityManager, actor: Actor, inspection: Inspection, request: SanctionDecisionRequest): Promise<Licence[]> {
    if (request.sanction !== 'suspension' && request.sanction !== 'revocation') return [];
    const action = request.sanction === 'suspension' ? 'suspend' : 'revoke';
    const applicable = action === 'suspend' ? ['active'] : ['active', 'suspended'];
    let targets: Licence[];
    if (request.licenceId) {
      const licence = await this.licences.get(actor, request.licenceId, manager);
      if (licence.agencyId !== inspection.agencyId) throw Problems.invalid([{ field: 'licenceId', message: 'the licence belongs to another agency' }]);
      targets = [licence];
    } else {
      const ofAgency = await this.licences.ofAgency(inspection.agencyId);
      // Re-read inside the transaction: the version the transition checks must be the current one.
      targets = [];
      for (const licence of ofAgency.filter((l) => applicable.includes(l.status))) targets.push(await this.licences.get(actor, licence.id, manager));
      if (targets.length === 0) {
        throw Problems.conflict('no-licence-to-sanction', `The agency has no licence that can be ${action === 'suspend' ? 'suspended' : 'revoked'}`);
      }
    }
    const until = action === 'suspend' ? suspensionUntil(this.clock.today(), request.suspensionDays as number) : undefined;
    const reason = `Inspection ${inspection.id}: ${request.reason}`;
    const changed: Licence[] = [];
    for (const licence of targets) {
      changed.push(await this.licences.applyTransition(manager, licence, action, reason, { until, details: { inspectionId: inspection.id } }));
    }
    return changed;
  }
}
