import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { Clock } from '@app/core';
import { CaseProposals } from '@app/enforcement';
import { INSPECTION_ROWS_SQL, inspectionConcludedSql } from '@app/inspections';
import { licenceNumberOfSql } from '@app/licensing';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';

/**
 * `commitment-checks`, daily at 07:55: records, once each, checks whose inspection passed or
 * failed and checks not done by their due date, and tells the admins of the approving bureau of
 * every failed or overdue one (a failed one calls for a revocation case: enforcement reads
 * `failed_at`). The `... IS NULL` conditions and the notification keys make reruns change nothing.
 */
@Injectable()
export class CommitmentChecksJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly cases: CaseProposals,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({
    name: 'commitment-checks',
    cron: '55 7 * * *',
    description: {
      en: 'On-site checks of commitment-based licences: failed and overdue ones recorded and flagged to the approving bureau',
      zh: '告知承诺制许可的现场核查:未通过和逾期的记录在案并提示批准的人社部门',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const [decided] = (await manager.query(
        `UPDATE commitment_checks c
            SET failed_at = CASE WHEN i.outcome IN ('serious_violation', 'critical_violation') THEN $1::timestamptz END,
                passed_at = CASE WHEN i.outcome IN ('serious_violation', 'critical_violation') THEN NULL ELSE $1::timestamptz END
           FROM ${INSPECTION_ROWS_SQL} i
          WHERE i.id = c.inspection_id AND ${inspectionConcludedSql('i')} AND c.failed_at IS NULL AND c.passed_at IS NULL
          RETURNING c.id, c.failed_at IS NOT NULL AS failed, c.agency_id, c.licence_id, i.inspection_date::text AS inspection_date`,
        [now],
      )) as [{ id: string; failed: boolean; agency_id: string; licence_id: string; inspection_date: string }[], number];
      const [overdue] = (await manager.query(
        `UPDATE commitment_checks c SET overdue_at = $1
           FROM ${INSPECTION_ROWS_SQL} i
          WHERE i.id = c.inspection_id AND NOT ${inspectionConcludedSql('i')} AND c.due_on < $2::date AND c.overdue_at IS NULL
          RETURNING c.id`,
        [now, context.today],
      )) as [{ id: string }[], number];
      const flagged = [...decided.filter((d) => d.failed).map((d) => ({ id: d.id, state: 'failed' })), ...overdue.map((o) => ({ id: o.id, state: 'overdue' }))];
      const notices = flagged.length
        ? await this.notifications.enqueueFromQuery(
            manager,
            `SELECT 'commitment_check.flagged' AS kind, rcp.user_id AS recipient_user_id, concat_ws(':', 'commitment_check', f.state, c.id, rcp.user_id) AS dedup_key,
                    jsonb_build_object('commitmentCheckId', c.id, 'state', f.state, 'dueOn', c.due_on, 'licenceNumber', ${licenceNumberOfSql('c.licence_id')},
                                       'agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                    'email' AS channel
               FROM unnest($1::uuid[], $2::text[]) AS f(id, state)
               JOIN commitment_checks c ON c.id = f.id
               JOIN ${INSPECTION_ROWS_SQL} i ON i.id = c.inspection_id
               JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
              CROSS JOIN ${told(RecipientsPolicy.responsible({ bureauId: 'i.bureau_id', jurisdictionCode: 'i.jurisdiction_code' }))}`,
            [flagged.map((f) => f.id), flagged.map((f) => f.state)],
          )
        : 0;
      // A failed check means the commitment was false: a revocation case is proposed (decided only after due process).
      for (const check of decided.filter((d) => d.failed)) {
        await this.cases.proposeOnGround(manager, {
          agencyId: check.agency_id,
          licenceId: check.licence_id,
          kind: 'commitment_failed',
          reference: check.id,
          params: { inspectionDate: check.inspection_date },
        });
      }
      return { passed: decided.filter((d) => !d.failed).length, failed: decided.filter((d) => d.failed).length, overdue: overdue.length, notices };
    });
  }
}
