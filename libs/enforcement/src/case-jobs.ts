import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock, updateVersioned } from '@app/core';
import { RiskService } from '@app/inspections';
import { EnforcementCase } from './case.entity';
import { PENDING_STATUSES } from './case-rules';
import { CaseProposals } from './case-proposals';
import { CaseRecords } from './case-records';
import { DemeritPointsService } from './demerit-points.service';

/** What the jobs and a decision's aftermath do to cases in bulk: regrading, closing ended appeal windows, flagging overdue cases. */
@Injectable()
export class CaseJobs {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly points: DemeritPointsService,
    private readonly risk: RiskService,
    private readonly proposals: CaseProposals,
    private readonly records: CaseRecords,
  ) {}

  /**
   * Regrades an agency after a decision or annulment, and proposes a revocation when it reaches D
   * (once per D episode: the ground names the day the grade began).
   */
  async regrade(manager: EntityManager, agencyId: string): Promise<void> {
    const grades = await this.points.recompute(manager, [agencyId]);
    // The stored risk score (agency profile, lists) counts decided sanctions and the new grade.
    await this.risk.recompute(manager, [agencyId]);
    await this.proposals.proposeForGradeD(manager, grades.filter((g) => g.grade === 'D'));
  }

  /** Closes decided cases whose appeal windows ended without an appeal recorded (the case-deadlines job). */
  async closeAppealWindowsEnded(manager: EntityManager, today: string): Promise<number> {
    const ended = await manager
      .createQueryBuilder(EnforcementCase, 'c')
      .where(`c.status = 'decided' AND c.litigation_due_on < :today`, { today })
      .getMany();
    for (const c of ended) {
      await updateVersioned(manager, EnforcementCase, c, { status: 'closed', closedAt: this.clock.now() }, 'Case', { sql: 'status = :s', parameters: { s: 'decided' } });
      await this.records.event(manager, { ...c, status: 'closed' }, 'appeal_windows_ended', 'decided', { litigationDueOn: c.litigationDueOn });
      await this.audit.record(manager, { action: 'case.close', entityType: 'enforcement_case', entityId: c.id, before: c, after: { status: 'closed' } });
    }
    return ended.length;
  }

  /** Pending cases past their decision date become overdue (flagged once). */
  async flagOverdue(manager: EntityManager, today: string): Promise<{ id: string; caseNumber: string; jurisdictionCode: string }[]> {
    return (await manager.query(
      `UPDATE enforcement_cases SET overdue = true, version = version + 1, updated_at = now()
        WHERE status = ANY($1) AND NOT overdue AND decision_due_on < $2
        RETURNING id, case_number AS "caseNumber", jurisdiction_code AS "jurisdictionCode"`,
      [PENDING_STATUSES, today],
    )) as { id: string; caseNumber: string; jurisdictionCode: string }[];
  }
}
