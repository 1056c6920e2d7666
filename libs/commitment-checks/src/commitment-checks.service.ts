import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { agencyNames } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { byCreation, Clock, combineJoins, Page, paginateViews } from '@app/core';
import { INSPECTION_ROWS_SQL, inspectionConcludedSql, inspectionSummary, InspectionsService } from '@app/inspections';
import { Licence, LicenceApplication, licenceNumber } from '@app/licensing';
import { CommitmentCheck, CommitmentCheckState } from './commitment-check.entity';
import { CommitmentCheckQuery, CommitmentCheckView } from './commitment-checks.dto';

const SCOPE = { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' };
const NAMES = combineJoins(
  agencyNames('c.agency_id'),
  licenceNumber<'licenceNumber', string>('c.licence_id', 'view_licence', 'licenceNumber'),
  inspectionSummary('c.inspection_id'),
);

/** Outcomes that fail a commitment check: the commitment was not true. */
export const FAILING_OUTCOMES = ['serious_violation', 'critical_violation'];

/** The state of the check `c` (its inspection read in a subquery); :today is the business date. */
export const STATE_SQL = `(SELECT CASE
    WHEN ${inspectionConcludedSql('i')} AND i.outcome IN ('serious_violation', 'critical_violation') THEN 'failed'
    WHEN ${inspectionConcludedSql('i')} THEN 'passed'
    WHEN c.due_on < :today THEN 'overdue'
    ELSE 'pending' END
  FROM ${INSPECTION_ROWS_SQL} i WHERE i.id = c.inspection_id)`;

/** The date a month after `date` (the last day of a shorter month when it has no such day). */
export function addMonth(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * Commitment-based licensing (告知承诺制): an approval on the applicant's commitment plans an
 * on-site `commitment_check` inspection due within a month; the bureau's queue lists the checks
 * by state, overdue and failed ones first in its eyes.
 */
@Injectable()
export class CommitmentChecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The approval hook: plans the check of a commitment-based application, in the approval's transaction. */
  async onApproval(manager: EntityManager, approved: { application: LicenceApplication; licence: Licence; actor: Actor }): Promise<void> {
    const { application, licence, actor } = approved;
    if (application.procedure !== 'commitment') return;
    const dueOn = addMonth(this.clock.today());
    const inspection = await this.inspections.planCommitmentCheck(manager, {
      agencyId: application.agencyId,
      jurisdictionCode: application.jurisdictionCode,
      bureauId: actor.bureauId,
      reachPrefix: actor.jurisdictionPrefix ?? '',
      dueOn,
      licenceNumber: licence.licenceNumber,
      plannedBy: actor.username,
    });
    const check = await manager.save(
      manager.create(CommitmentCheck, {
        applicationId: application.id,
        licenceId: licence.id,
        agencyId: application.agencyId,
        jurisdictionCode: application.jurisdictionCode,
        inspectionId: inspection.id,
        dueOn,
      }),
    );
    await this.audit.record(manager, { action: 'commitment_check.plan', entityType: 'commitment_check', entityId: check.id, after: check });
  }

  async list(actor: Actor, query: CommitmentCheckQuery): Promise<Page<CommitmentCheckView>> {
    const qb = applyScope(this.dataSource.getRepository(CommitmentCheck).createQueryBuilder('c'), actor, SCOPE);
    if (query.state) qb.andWhere(`${STATE_SQL} = :state`, { state: query.state, today: this.clock.today() });
    const page = await paginateViews(qb, query, byCreation('c'), NAMES);
    const today = this.clock.today();
    return { ...page, items: page.items.map((c) => ({ ...c, state: stateOf(c, today) })) };
  }

  /** Checks recorded failed or overdue by the job (enforcement proposes its revocation cases from the failed ones). */
  async flagged(): Promise<CommitmentCheck[]> {
    return this.dataSource.getRepository(CommitmentCheck).createQueryBuilder('c').where('c.failed_at IS NOT NULL OR (c.overdue_at IS NOT NULL AND c.passed_at IS NULL)').orderBy('c.created_at').getMany();
  }

  /** Checks of one licence (its page shows them). */
  async ofLicence(licenceId: string): Promise<CommitmentCheck[]> {
    return this.dataSource.getRepository(CommitmentCheck).find({ where: { licenceId }, order: { createdAt: 'DESC' } });
  }
}

export function stateOf(c: { inspectionStatus: string; inspectionOutcome: string | null; dueOn: string }, today: string): CommitmentCheckState {
  const done = c.inspectionStatus === 'submitted' || c.inspectionStatus === 'closed';
  if (done) return c.inspectionOutcome && FAILING_OUTCOMES.includes(c.inspectionOutcome) ? 'failed' : 'passed';
  return c.dueOn < today ? 'overdue' : 'pending';
}
