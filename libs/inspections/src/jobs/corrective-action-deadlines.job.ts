import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL } from '@app/agencies';
import { addDays } from '@app/core';
import { NotificationsService, RecipientsPolicy, told } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { CorrectiveActionsService } from '../corrective-actions.service';

/** Days before `dueOn` at which the agency is reminded of an open corrective action. */
export const CORRECTIVE_ACTION_REMINDER_DAYS = [7, 1];

/**
 * The agency's users, and for overdue actions the lead inspector, of the actions in $1; a reminder's
 * key names how many days before the due date ($2 is today) it was, so each offset is sent once.
 * Disabled users are dropped by the outbox.
 */
const NOTIFICATIONS = (kind: string, withInspector: boolean) => `
  SELECT '${kind}' AS kind, rcp.user_id AS recipient_user_id,
         concat_ws(':', '${kind}', c.id, c.due_on, ${withInspector ? "'overdue'" : 'c.due_on - $2::date'}, rcp.user_id) AS dedup_key,
         jsonb_build_object('correctiveActionId', c.id, 'inspectionId', c.inspection_id, 'itemCode', c.item_code,
                            'dueOn', c.due_on, 'agencyId', c.agency_id, 'agencyName', a.name_zh) AS payload,
         'email' AS channel
    FROM corrective_actions c
    JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
    JOIN inspections i ON i.id = c.inspection_id
   CROSS JOIN ${withInspector ? told(RecipientsPolicy.agency('c.agency_id'), RecipientsPolicy.assignee('i.lead_inspector_id')) : told(RecipientsPolicy.agency('c.agency_id'))}
   WHERE c.id = ANY($1::uuid[])`;

/**
 * `corrective-action-deadlines`, daily at 07:00: open actions past their due date become overdue
 * (the lead inspector and the agency are told, in the same transaction); actions due in 7 days
 * or tomorrow remind the agency. Dedup keys make a second run the same day a no-op.
 */
@Injectable()
export class CorrectiveActionDeadlinesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly correctiveActions: CorrectiveActionsService,
    private readonly notifications: NotificationsService,
  ) {}

  @ScheduledJob({
    name: 'corrective-action-deadlines',
    cron: '0 7 * * *',
    description: {
      en: 'Corrective actions past due become overdue (inspector and agency told); reminders 7 and 1 days before',
      zh: '整改逾期的转为已逾期(通知检查员和机构);截止前 7 天和 1 天提醒',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = await this.correctiveActions.markOverdue(manager);
      const overdueNotices = overdue.length ? await this.notifications.enqueueFromQuery(manager, NOTIFICATIONS('corrective_action.overdue', true), [overdue.map((o) => o.id)]) : 0;
      const due = await this.correctiveActions.dueOn(CORRECTIVE_ACTION_REMINDER_DAYS.map((days) => addDays(context.today, days)));
      const reminders = due.length ? await this.notifications.enqueueFromQuery(manager, NOTIFICATIONS('corrective_action.due', false), [due.map((d) => d.id), context.today]) : 0;
      return { overdue: overdue.length, overdueNotices, dueSoon: due.length, reminders };
    });
  }
}
