import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { Clock } from '@app/core';
import { holdsLicenceInForceSql } from '@app/licensing';
import { CaseProposals } from '@app/enforcement';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { dueOnOf, reminderDueOn } from '../annual-report-rules';

/**
 * Agencies that owe last year's report ($1) and have not submitted it: a licence in force
 * (active or suspended) issued by the end of that year, or a report already opened.
 */
const OWING = `
  SELECT a.id AS agency_id, a.jurisdiction_code, a.name_zh, a.name_en FROM ${AGENCY_ROWS_SQL} a
   WHERE (${holdsLicenceInForceSql('a.id', 'make_date($1::int, 12, 31)')}
          OR EXISTS (SELECT 1 FROM annual_reports x WHERE x.agency_id = a.id AND x.year = $1::int))
     AND NOT EXISTS (SELECT 1 FROM annual_reports r WHERE r.agency_id = a.id AND r.year = $1::int AND r.first_submitted_at IS NOT NULL)`;

/**
 * `annual-report-deadlines`, daily at 07:40 (Asia/Shanghai): from 1 March the agencies that have
 * not filed last year's report are reminded, once for the 1 March reminder and once for the
 * 20 March one (a missed day sends the latest one due, never both late); from 1 April every
 * report not filed is recorded overdue once (a draft is opened for agencies that never started
 * one), and agency and province bureau are told, and a case proposing a warning is opened for
 * each (demerit points follow a decision, after the agency was heard). The notification keys,
 * `overdue_at IS NULL` and the cases' one-case-per-ground rule make reruns and a second worker
 * change nothing.
 */
@Injectable()
export class AnnualReportDeadlinesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly cases: CaseProposals,
    private readonly clock: Clock,
  ) {}

  @ScheduledJob({
    name: 'annual-report-deadlines',
    cron: '40 7 * * *',
    description: {
      en: 'Annual report reminders on 1 and 20 March; reports not filed by 31 March recorded overdue from 1 April',
      zh: '年度报告 3 月 1 日和 20 日提醒;3 月 31 日前未报送的,自 4 月 1 日起记为逾期',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const year = Number(context.today.slice(0, 4)) - 1;
    const reminder = reminderDueOn(context.today);
    let reminders = 0;
    let overdue = 0;
    if (reminder) {
      reminders = await this.dataSource.transaction((manager) =>
        this.notifications.enqueueFromQuery(
          manager,
          `SELECT 'annual_report.reminder' AS kind, rcp.user_id AS recipient_user_id,
                  concat_ws(':', 'annual_report.reminder', o.agency_id, $1::int, $2::text, rcp.user_id) AS dedup_key,
                  jsonb_build_object('year', $1::int, 'dueOn', $3::text, 'agencyId', o.agency_id, 'agencyNameZh', o.name_zh, 'agencyNameEn', o.name_en) AS payload,
                  'email' AS channel
             FROM (${OWING}) o
            CROSS JOIN ${told(RecipientsPolicy.agency('o.agency_id'))}`,
          [year, reminder, dueOnOf(year)],
        ),
      );
    }
    if (context.today > dueOnOf(year)) {
      overdue = await this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        const opened = (await manager.query(
          `INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status, overdue_at)
           SELECT o.agency_id, o.jurisdiction_code, $1::int, 'draft', $2 FROM (${OWING}) o
           ON CONFLICT (agency_id, year) DO NOTHING
           RETURNING id, agency_id`,
          [year, now],
        )) as { id: string; agency_id: string }[];
        const [flagged] = (await manager.query(
          `UPDATE annual_reports SET overdue_at = $2
            WHERE year = $1 AND first_submitted_at IS NULL AND overdue_at IS NULL
            RETURNING id, agency_id`,
          [year, now],
        )) as [{ id: string; agency_id: string }[], number];
        const ids = [...opened.map((r) => r.id), ...flagged.map((r) => r.id)];
        if (ids.length === 0) return 0;
        await this.notifications.enqueueFromQuery(
          manager,
          `SELECT 'annual_report.overdue' AS kind, rcp.user_id AS recipient_user_id,
                  concat_ws(':', 'annual_report.overdue', r.id, rcp.user_id) AS dedup_key,
                  jsonb_build_object('annualReportId', r.id, 'year', r.year, 'dueOn', $2::text, 'agencyId', r.agency_id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
                  'email' AS channel
             FROM annual_reports r
             JOIN ${AGENCY_ROWS_SQL} a ON a.id = r.agency_id
            CROSS JOIN ${told(RecipientsPolicy.agency('r.agency_id'), RecipientsPolicy.responsible({ jurisdictionCode: 'r.jurisdiction_code' }))}
            WHERE r.id = ANY($1::uuid[])`,
          [ids, dueOnOf(year)],
        );
        for (const report of [...opened, ...flagged]) {
          await this.cases.proposeOnGround(manager, { agencyId: report.agency_id, kind: 'annual_report_overdue', reference: report.id, params: { year, dueOn: dueOnOf(year) } });
        }
        return ids.length;
      });
    }
    return { year, reminders, overdue };
  }
}
