import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { addDays } from '@app/core';
import { RiskService } from '@app/inspections';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { SelfAssessmentsService } from '../self-assessments.service';

/** Days before `dueOn` at which the agency is reminded of a self-assessment not yet submitted. */
export const SELF_ASSESSMENT_REMINDER_DAYS = [30, 7];

/**
 * The agency's users (and for overdue ones the opening bureau's admins) of the self-assessments in
 * $1; a reminder's key names how many days before the due date ($2 is today) it was.
 */
const NOTIFICATIONS = (kind: string, withBureau: boolean) => `
  SELECT '${kind}' AS kind, rcp.user_id AS recipient_user_id,
         concat_ws(':', '${kind}', s.id, s.due_on, ${withBureau ? "'overdue'" : 's.due_on - $2::date'}, rcp.user_id) AS dedup_key,
         jsonb_build_object('selfAssessmentId', s.id, 'period', s.period, 'dueOn', s.due_on, 'agencyId', s.agency_id, 'agencyName', a.name_zh) AS payload,
         'email' AS channel
    FROM self_assessments s
    JOIN ${AGENCY_ROWS_SQL} a ON a.id = s.agency_id
   CROSS JOIN ${withBureau ? told(RecipientsPolicy.agency('s.agency_id'), RecipientsPolicy.responsible({ bureauId: 's.opened_by_bureau_id', jurisdictionCode: 's.jurisdiction_code' })) : told(RecipientsPolicy.agency('s.agency_id'))}
   WHERE s.id = ANY($1::uuid[])`;

/**
 * `self-assessment-deadlines`, daily at 07:30: reminders 30 and 7 days before the due date to
 * agencies that have not submitted; past it, the agency and the bureau that opened the round are
 * told once (the overdue flag) and the agency's risk score takes the missing self-assessment in.
 */
@Injectable()
export class SelfAssessmentDeadlinesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly selfAssessments: SelfAssessmentsService,
    private readonly notifications: NotificationsService,
    private readonly risk: RiskService,
  ) {}

  @ScheduledJob({
    name: 'self-assessment-deadlines',
    cron: '30 7 * * *',
    description: {
      en: 'Self-assessment reminders 30 and 7 days before the due date; overdue ones flagged to agency and bureau',
      zh: '自评估截止前 30 天和 7 天提醒;逾期的通知机构和人社部门',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const dueSoon = await this.selfAssessments.awaitingSubmission({ dueOn: SELF_ASSESSMENT_REMINDER_DAYS.map((days) => addDays(context.today, days)) });
    const overdue = await this.selfAssessments.awaitingSubmission({ overdue: true });
    return this.dataSource.transaction(async (manager) => {
      const reminders = dueSoon.length ? await this.notifications.enqueueFromQuery(manager, NOTIFICATIONS('self_assessment.due', false), [dueSoon.map((s) => s.id), context.today]) : 0;
      const overdueNotices = overdue.length ? await this.notifications.enqueueFromQuery(manager, NOTIFICATIONS('self_assessment.overdue', true), [overdue.map((s) => s.id)]) : 0;
      // Only newly flagged ones change a score; the nightly risk job covers the rest.
      if (overdueNotices > 0) await this.risk.recompute(manager, [...new Set(overdue.map((s) => s.agencyId))]);
      return { dueSoon: dueSoon.length, reminders, overdue: overdue.length, overdueNotices };
    });
  }
}
