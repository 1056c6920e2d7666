import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { checkVersion, Clock, Problems } from '@app/core';
import { Finding } from './inspection.entity';
import { sanctionFieldProblems } from './inspection-rules';
import { InspectionWithCaseView, SanctionDecisionRequest } from './inspections.dto';
import { InspectionsService } from './inspections.service';
import { RiskService } from './risk/risk.service';
import { CaseRef, SanctionReferrals } from './sanction-referrals';

/**
 * A bureau admin's call on a submitted inspection's sanction proposal. No sanction changes a
 * licence without due process: anything but `none` opens an enforcement case (or finds the one
 * the inspector's proposal opened), whose decision alone may suspend or revoke. The inspection
 * closes in the same transaction.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly referrals: SanctionReferrals,
    private readonly audit: AuditService,
    private readonly risk: RiskService,
    private readonly clock: Clock,
  ) {}

  async decide(actor: Actor, id: string, request: SanctionDecisionRequest): Promise<InspectionWithCaseView> {
    const problems = sanctionFieldProblems('', request);
    if (request.licenceId && request.sanction === 'none') problems.push({ field: 'licenceId', message: 'licenceId names the licence a sanction concerns: none takes none' });
    if (problems.length > 0) throw Problems.invalid(problems);
    const referred = await this.dataSource.transaction(async (manager) => {
      const inspection = await this.inspections.get(actor, id, manager);
      if (inspection.status !== 'submitted') throw Problems.illegalTransition('Inspection', inspection.status, 'closed');
      checkVersion(inspection, request.version, 'Inspection');
      const decided = await this.inspections.bumpVersion(manager, inspection, {
        status: 'closed',
        sanctionDecision: request.sanction,
        decidedFineAmount: request.fineAmount ?? null,
        decidedSuspensionDays: request.suspensionDays ?? null,
        sanctionDecisionReason: request.reason,
        sanctionDecidedBy: actor.userId,
        sanctionDecidedAt: this.clock.now(),
        sanctionedLicenceIds: [],
      });
      let joined: CaseRef | null = null;
      if (request.sanction !== 'none') {
        const findings = await manager.findBy(Finding, { inspectionId: id, result: 'non_compliant' });
        joined = await this.referrals.refer(manager, {
          inspection: decided,
          sanction: request.sanction,
          fineAmount: request.fineAmount ?? null,
          suspensionDays: request.suspensionDays ?? null,
          reason: request.reason,
          licenceId: request.licenceId,
          revisesCase: true,
          nonCompliantItems: findings.map((f) => f.itemCode),
          referredBy: actor,
        });
      }
      await this.audit.record(manager, { action: 'inspection.sanction_decision', entityType: 'inspection', entityId: id, before: inspection, after: decided });
      await this.risk.recompute(manager, [inspection.agencyId]);
      // `none` opens no case, but the one the inspector's proposal opened stays: the answer names it.
      return joined ?? (await this.referrals.caseOf(actor, id));
    });
    return { ...(await this.inspections.view(actor, id)), case: referred };
  }
}
