import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { WorkingCalendarService } from '@app/calendar';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { CaseJobs } from '../case-jobs';
import { DECISION_DUE_DAYS, DECISION_REMINDER_DAYS, PENDING_STATUSES } from '../case-rules';

/**
 * The bureau admins whose bureau covers each pending case reached `$2` days after opening (and
 * not yet the next mark `$3`), told once per case and mark.
 */
const DECISION_REMINDERS = `
  SELECT 'case.decision_due' AS kind, rcp.user_id AS recipient_user_id,
         concat_ws(':', 'case.decision_due', c.id, $2::int, rcp.user_id) AS dedup_key,
         jsonb_build_object('caseId', c.id, 'caseNumber', c.case_number, 'caseNumberEn', coalesce(c.case_number_en, c.case_number), 'days', $2::int, 'decisionDueOn', c.decision_due_on::text,
                            'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
         'email' AS channel
    FROM enforcement_cases c
    JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
   CROSS JOIN ${told(RecipientsPolicy.responsible({ jurisdictionCode: 'c.jurisdiction_code' }))}
   WHERE c.status = ANY($1) AND (c.opened_at AT TIME ZONE 'Asia/Shanghai')::date + $2::int <= $4::date
     AND (c.opened_at AT TIME ZONE 'Asia/Shanghai')::date + $3::int > $4::date`;

/** The agency's users, when one of its windows closes today or on the next working day ($2). */
const WINDOW_REMINDERS = `
  SELECT 'case.window_closing' AS kind, rcp.user_id AS recipient_user_id,
         concat_ws(':', 'case.window_closing', c.id, w.which, rcp.user_id) AS dedup_key,
         jsonb_build_object('caseId', c.id, 'caseNumber', c.case_number, 'caseNumberEn', coalesce(c.case_number_en, c.case_number), 'window', w.which, 'closesOn', w.closes_on::text,
                            'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
         'email' AS channel
    FROM enforcement_cases c
    JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
   CROSS JOIN LATERAL (VALUES ('representations', c.representation_due_on, c.status = 'notice_served'),
                              ('hearing', c.hearing_due_on, c.status IN ('notice_served', 'representations') AND c.hearing_eligible)) AS w(which, closes_on, applies)
   CROSS JOIN ${told(RecipientsPolicy.agency('c.agency_id'))}
   WHERE w.applies AND c.waived_at IS NULL AND w.closes_on BETWEEN $1::date AND $2::date`;

/**
 * `case-deadlines`, daily at 07:30: the agency hears when a representation or hearing window is
 * about to close; bureau admins are reminded of decisions due at 60 and 80 days and overdue ones
 * (past 90) are flagged; decided cases whose appeal windows ended are closed. Dedup keys make a
 * second run the same day a no-op.
 */
@Injectable()
export class CaseDeadlinesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseJobs,
    private readonly notifications: NotificationsService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  @ScheduledJob({
    name: 'case-deadlines',
    cron: '30 7 * * *',
    description: {
      en: 'Enforcement cases: windows about to close (agency told), decisions due at 60/80 days and overdue at 90 (bureau told), appeal windows ended (closed)',
      zh: '执法案件:即将截止的陈述申辩和听证期限(通知机构),立案 60/80 天提醒作出决定、90 天逾期(通知人社部门),复议和诉讼期限届满的结案',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const nextWorkingDay = await this.calendar.addWorkingDays(context.today, 1);
    return this.dataSource.transaction(async (manager) => {
      const windowReminders = await this.notifications.enqueueFromQuery(manager, WINDOW_REMINDERS, [context.today, nextWorkingDay]);
      const marks = [...DECISION_REMINDER_DAYS, DECISION_DUE_DAYS + 1, 100_000];
      let decisionReminders = 0;
      for (let i = 0; i < marks.length - 1; i += 1) {
        decisionReminders += await this.notifications.enqueueFromQuery(manager, DECISION_REMINDERS, [PENDING_STATUSES, marks[i], marks[i + 1], context.today]);
      }
      const overdue = await this.cases.flagOverdue(manager, context.today);
      const closed = await this.cases.closeAppealWindowsEnded(manager, context.today);
      return { windowReminders, decisionReminders, overdue: overdue.length, closed };
    });
  }
}
