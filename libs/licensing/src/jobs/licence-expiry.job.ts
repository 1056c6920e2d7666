import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENCY_NAMES_SQL } from '@app/agencies';
import { LicencesService } from '../licences.service';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { NotificationsService } from '@app/notifications';
import { LICENCE_RECIPIENTS_LATERAL } from './licence-recipients';

const EXPIRY_NOTIFICATIONS = `
  SELECT 'licence.expired' AS kind,
         rcp.user_id AS recipient_user_id,
         concat_ws(':', 'licence.expired', l.id, l.term, rcp.user_id) AS dedup_key,
         jsonb_build_object('licenceId', l.id, 'licenceNumber', l.licence_number, 'agencyId', l.agency_id,
                            'agencyName', a.name_zh, 'expiresOn', l.expires_on, 'term', l.term) AS payload,
         'email' AS channel
    FROM licences l
    JOIN ${AGENCY_NAMES_SQL} a ON a.id = l.agency_id
   CROSS JOIN ${LICENCE_RECIPIENTS_LATERAL}
   WHERE l.id = ANY($1::uuid[])`;

/**
 * `licence-expiry`, daily at 00:05: active licences past expiresOn (a renewal approved in time
 * has moved expiresOn on) become expired, with their events (LicencesService.expireDue), the
 * audit event and the notifications in one transaction. Rerunning finds nothing left to expire.
 */
@Injectable()
export class LicenceExpiryJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licences: LicencesService,
    private readonly notifications: NotificationsService,
  ) {}

  @ScheduledJob({
    name: 'licence-expiry',
    cron: '5 0 * * *',
    description: {
      en: 'Active licences past expiresOn without an approved renewal become expired; agency and bureau are told',
      zh: '超过有效期且未获批续期的有效许可证转为已过期,并通知机构和人社部门',
    },
  })
  run(): Promise<JobCounts> {
    return this.dataSource.transaction(async (manager) => {
      const expired = await this.licences.expireDue(manager);
      const notifications = expired.length === 0 ? 0 : await this.notifications.enqueueFromQuery(manager, EXPIRY_NOTIFICATIONS, [expired.map((l) => l.id)]);
      return { expired: expired.length, notifications };
    });
  }
}
