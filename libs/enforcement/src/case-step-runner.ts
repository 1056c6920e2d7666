import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { checkVersion, Problems, updateVersioned } from '@app/core';
import { CaseStatus, EnforcementCase } from './case.entity';
import { CASE_STEPS, CaseStep } from './case-rules';
import { CaseDetailView, CaseStepRequest } from './cases.dto';
import { CaseQueries } from './case-queries';
import { CaseRecords } from './case-records';
import { PublicSanctionsService } from './public-sanctions.service';

/** What a step changes on the case, the details its event keeps, and what it does once the case is updated. */
export interface StepWork {
  changes: Partial<EnforcementCase>;
  details?: Record<string, unknown>;
  after?: (updated: EnforcementCase) => Promise<void>;
}

/** The due-process state machine's one way to move a case (CASE_STEPS in case-rules.ts says which moves exist). */
@Injectable()
export class CaseStepRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queries: CaseQueries,
    private readonly records: CaseRecords,
    private readonly publicSanctions: PublicSanctionsService,
  ) {}

  /**
   * One step of a case, in one transaction: the case is read in scope, the step must be allowed
   * from its state (409 naming it), the version must be the one read (409), and the update names
   * both; then the event, the audit record and whatever the step does after.
   */
  async run(
    actor: Actor,
    id: string,
    step: CaseStep,
    request: CaseStepRequest,
    work: (manager: EntityManager, c: EnforcementCase) => Promise<StepWork>,
  ): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.queries.get(actor, id, manager);
      const rule = CASE_STEPS[step];
      if (!(rule.from as readonly CaseStatus[]).includes(c.status)) throw Problems.illegalTransition('Case', c.status, rule.to);
      checkVersion(c, request.version, 'Case');
      const { changes, details, after } = await work(manager, c);
      const status = rule.to === 'waived' ? c.status : (rule.to as CaseStatus);
      await updateVersioned(manager, EnforcementCase, c, { ...changes, status } as never, 'Case', { sql: 'status = :current', parameters: { current: c.status } });
      const updated = await manager.findOneByOrFail(EnforcementCase, { id });
      await this.records.event(manager, updated, step, c.status, details ?? null);
      await this.audit.record(manager, { action: `case.${step}`, entityType: 'enforcement_case', entityId: id, before: c, after: updated });
      if (after) await after(updated);
    });
    // This process drops its public list at once; the others when the NOTIFY of the commit reaches them.
    if (step === 'decision' || step === 'appeal') this.publicSanctions.evict();
    return this.queries.detail(actor, id);
  }
}
