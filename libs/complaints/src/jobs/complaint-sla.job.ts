import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsService } from '@app/notifications';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { ComplaintsService } from '../complaints.service';

/**
 * One message per province bureau admin for the complaints in $1 newly breached by run $2 (at
 * $3): each breach with its tracking code, the deadline missed (the resolution deadline when it
 * has passed, else the acknowledgement one) and when it was due. No complainant data: the
 * officials open the case to see it.
 */
const ESCALATIONS = `
  SELECT 'complaint.sla_breached' AS kind, u.id AS recipient_user_id,
         concat_ws(':', 'complaint.sla_breached', 'run', $2::text, u.id) AS dedup_key,
         jsonb_build_object(
           'runId', $2::text,
           'count', count(*),
           'breaches', jsonb_agg(jsonb_build_object(
             'complaintId', c.id, 'trackingCode', c.tracking_code, 'severity', c.severity, 'status', c.status,
             'jurisdictionCode', c.jurisdiction_code,
             'deadline', CASE WHEN c.resolve_due_at < $3::timestamptz THEN 'resolution' ELSE 'acknowledgement' END,
             'dueAt', CASE WHEN c.resolve_due_at < $3::timestamptz THEN c.resolve_due_at ELSE c.ack_due_at END
           ) ORDER BY c.resolve_due_at < $3::timestamptz DESC, c.tracking_code)
         ) AS payload,
         'email' AS channel
    FROM complaints c
    JOIN bureaus b ON b.jurisdiction_code = left(c.jurisdiction_code, 2) || '0000'
    JOIN users u ON u.bureau_id = b.id AND u.role = 'bureau_admin' AND u.status = 'active'
   WHERE c.id = ANY($1::uuid[])
   GROUP BY u.id`;

/**
 * `complaint-sla`, hourly: open complaints past their acknowledgement or resolution deadline are
 * flagged as breached and escalated to their province bureau, in one transaction; a complaint is
 * flagged, and escalated, once. A run's breaches make one message per recipient.
 */
@Injectable()
export class ComplaintSlaJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsService,
    private readonly notifications: NotificationsService,
  ) {}

  @ScheduledJob({
    name: 'complaint-sla',
    cron: '0 * * * *',
    description: {
      en: 'Complaints past their acknowledgement or resolution deadline are flagged and escalated to the province bureau',
      zh: '超过受理或办结期限的投诉被标记,并上报省级人社部门',
    },
  })
  run(context: JobContext): Promise<JobCounts> {
    return this.dataSource.transaction(async (manager) => {
      const breached = await this.complaints.recordSlaBreaches(context.startedAt, manager);
      const escalations = breached.length ? await this.notifications.enqueueFromQuery(manager, ESCALATIONS, [breached.map((c) => c.id), context.runId, context.startedAt]) : 0;
      return { breached: breached.length, escalations };
    });
  }
}
