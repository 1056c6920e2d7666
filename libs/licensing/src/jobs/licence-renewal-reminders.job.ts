import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { AGENCY_NAMES_SQL } from '@app/agencies';
import { AuditService } from '@app/audit';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { NotificationsService, OUTBOX_QUERY_COLUMNS } from '@app/notifications';
import { LICENCE_AGENCY_RECIPIENTS_LATERAL, LICENCE_OFFICIAL_RECIPIENTS_LATERAL } from './licence-recipients';
import { parseReminderOffsets } from './reminder-offsets';

/**
 * Marks, for a batch of active licences within the reminder window (keyset on expiresOn and id,
 * served by licences_active_expiry_idx, so a run reads the window once whatever the batch size),
 * the one reminder due: the smallest offset >= days left (see offsetDue), unless that offset or a
 * later one was already sent this term. `licence_reminders` is keyed (licence, term, offset), so a
 * rerun or a concurrent run inserts nothing twice. Answers the keyset position reached and the
 * reminders marked (licence, term and offset, in the same order).
 */
const MARK_BATCH = `
  WITH candidates AS (
    -- The window's end is applied after the LIMIT, so that the next batch is read in index order
    -- and the scan stops after it (not the rest of the window, sorted, every batch).
    SELECT next.* FROM (
      SELECT l.id, l.term, l.expires_on
        FROM licences l
       WHERE l.status = 'active'
         AND (l.expires_on, l.id) > ($3::date, $4::uuid)
       ORDER BY l.expires_on, l.id
       LIMIT $5
    ) next
    WHERE next.expires_on <= $1::date + $2::int
  ), due AS (
    SELECT c.id, c.term, (SELECT min(o) FROM unnest($6::int[]) o WHERE o >= c.expires_on - $1::date) AS offset_days
      FROM candidates c
  ), marked AS (
    INSERT INTO licence_reminders (licence_id, term, offset_days, sent_on, job_run_id)
    SELECT d.id, d.term, d.offset_days, $1::date, $7::bigint
      FROM due d
     WHERE NOT EXISTS (SELECT 1 FROM licence_reminders r WHERE r.licence_id = d.id AND r.term = d.term AND r.offset_days <= d.offset_days)
    ON CONFLICT DO NOTHING
    RETURNING licence_id, term, offset_days
  ), last AS (
    SELECT to_char(expires_on, 'YYYY-MM-DD') AS expires_on, id::text AS id FROM candidates ORDER BY expires_on DESC, id DESC LIMIT 1
  )
  SELECT (SELECT expires_on FROM last) AS "lastExpiresOn",
         (SELECT id FROM last) AS "lastId",
         (SELECT coalesce(array_agg(licence_id::text ORDER BY licence_id), '{}') FROM marked) AS "markedIds",
         (SELECT coalesce(array_agg(term ORDER BY licence_id), '{}') FROM marked) AS "markedTerms",
         (SELECT coalesce(array_agg(offset_days ORDER BY licence_id), '{}') FROM marked) AS "markedOffsets"`;

/**
 * One notification per agency user of each reminder the batch marked, from the marked reminders
 * themselves (unnest: the planner knows how many) rather than by reading licence_reminders back:
 * that table grows by the whole run, and once autovacuum had analysed it mid-run the look-up was
 * estimated at one row and planned as nested loops over every agency and user (2.5 s a batch
 * instead of 0.2 s; 120 s for 200,000 reminders at once). The bureau's officials get the digest.
 */
const BATCH_NOTIFICATIONS = `
  SELECT 'licence.renewal_reminder' AS kind,
         rcp.user_id AS recipient_user_id,
         concat_ws(':', 'licence.renewal_reminder', l.id, r.term, r.offset_days, rcp.user_id) AS dedup_key,
         jsonb_build_object('licenceId', l.id, 'licenceNumber', l.licence_number, 'agencyId', l.agency_id,
                            'agencyName', a.name_zh, 'expiresOn', l.expires_on, 'term', r.term,
                            'offsetDays', r.offset_days, 'daysLeft', l.expires_on - $4::date) AS payload,
         'email' AS channel
    FROM unnest($1::uuid[], $2::int[], $3::int[]) AS r(licence_id, term, offset_days)
    -- One primary-key probe per reminder (LIMIT keeps the subquery from being turned into a hash
    -- join over every licence, which the planner preferred for a few thousand ids).
   CROSS JOIN LATERAL (SELECT * FROM licences WHERE id = r.licence_id LIMIT 1) l
    JOIN ${AGENCY_NAMES_SQL} a ON a.id = l.agency_id
   CROSS JOIN ${LICENCE_AGENCY_RECIPIENTS_LATERAL}`;

/** The licences a digest lists by name; the rest are counted (an official reads the list, not 100,000 lines). */
export const DIGEST_LISTED = 200;

/**
 * One digest per official responsible for the reminded licences (the admins of the issuing bureau,
 * RecipientsPolicy.responsible), over the queued batches $1: how many licences, and the first
 * DIGEST_LISTED by expiry. The officials are found per issuing bureau (a few rows), then joined.
 */
const DIGEST_NOTIFICATIONS = `
  WITH reminded AS (
    SELECT r.licence_id, r.offset_days
      FROM licence_reminder_digest_queue q, unnest(q.licence_ids, q.terms, q.offsets) AS r(licence_id, term, offset_days)
     WHERE q.id = ANY($1::bigint[])
  ), detail AS (
    -- The jurisdiction matters only to a licence no bureau issued (RecipientsPolicy.responsible).
    SELECT l.id, l.licence_number, l.expires_on, l.agency_id, r.offset_days, l.issued_by_bureau_id,
           CASE WHEN l.issued_by_bureau_id IS NULL THEN l.jurisdiction_code END AS jurisdiction_code,
           coalesce(l.issued_by_bureau_id::text, 'division ' || l.jurisdiction_code) AS responsible_key
      FROM reminded r
     CROSS JOIN LATERAL (SELECT * FROM licences WHERE id = r.licence_id LIMIT 1) l
  ), responsible AS (
    SELECT l.responsible_key, rcp.user_id
      FROM (SELECT DISTINCT responsible_key, issued_by_bureau_id, jurisdiction_code FROM detail) l
     CROSS JOIN ${LICENCE_OFFICIAL_RECIPIENTS_LATERAL}
  ), ranked AS (
    SELECT o.user_id, d.*, row_number() OVER (PARTITION BY o.user_id ORDER BY d.expires_on, d.licence_number) AS rn,
           count(*) OVER (PARTITION BY o.user_id) AS total
      FROM detail d JOIN responsible o ON o.responsible_key = d.responsible_key
  )
  SELECT 'licence.renewal_digest' AS kind,
         k.user_id AS recipient_user_id,
         concat_ws(':', 'licence.renewal_digest', $2::text, k.user_id) AS dedup_key,
         jsonb_build_object('runId', $2::text, 'sentOn', $3::date, 'count', max(k.total), 'listed', count(*),
                            'licences', jsonb_agg(jsonb_build_object('licenceId', k.id, 'licenceNumber', k.licence_number, 'agencyName', a.name_zh,
                                                                     'expiresOn', k.expires_on, 'daysLeft', k.expires_on - $3::date, 'offsetDays', k.offset_days)
                                                  ORDER BY k.rn)) AS payload,
         'email' AS channel
    FROM ranked k JOIN ${AGENCY_NAMES_SQL} a ON a.id = k.agency_id
   WHERE k.rn <= ${DIGEST_LISTED}
   GROUP BY k.user_id`;

/** Keyset start: before every licence expiring today or later. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * `licence-renewal-reminders`, daily at 08:00: a reminder at each offset before expiresOn
 * (REMINDER_OFFSETS), once per licence, term and offset, to the agency's users; the issuing
 * bureau's admins get one digest per run listing the licences reminded. Set-based, in batches of
 * REMINDER_BATCH_SIZE licences, each batch one transaction (markers, outbox, digest queue and
 * audit together): a run that dies keeps the batches it committed, and the next run does the
 * rest and lists the dead run's batches in its own digest.
 */
@Injectable()
export class LicenceRenewalRemindersJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  @ScheduledJob({
    name: 'licence-renewal-reminders',
    cron: '0 8 * * *',
    description: {
      en: 'Renewal reminders before expiry (REMINDER_OFFSETS days), once per licence, term and offset',
      zh: '许可证到期前按 REMINDER_OFFSETS 天数提醒续期,每张许可证、每个有效期、每个提前天数只提醒一次',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    const offsets = parseReminderOffsets(this.config.get('REMINDER_OFFSETS'));
    const batchSize = this.config.get('REMINDER_BATCH_SIZE');
    const counts = { batches: 0, reminders: 0, notifications: 0, digests: 0 };
    let position = { expiresOn: context.today, id: NIL_UUID };
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        // The keyset walk wants licences_active_expiry_idx in order; with the default cost of a
        // random read (4, a spinning disk's) PostgreSQL rather read the window's rest by bitmap and
        // sorted it, every batch. The window is hot by then: 1.1, as for SSDs, for this batch only.
        await manager.query(`SET LOCAL random_page_cost = 1.1`);
        const [marked] = (await manager.query(MARK_BATCH, [context.today, offsets[0], position.expiresOn, position.id, batchSize, offsets, context.runId])) as {
          lastExpiresOn: string | null;
          lastId: string | null;
          markedIds: string[];
          markedTerms: number[];
          markedOffsets: number[];
        }[];
        if (marked.markedIds.length === 0) return { ...marked, notifications: 0 };
        const notifications = await this.notifications.enqueueFromQuery(manager, `SELECT ${OUTBOX_QUERY_COLUMNS} FROM (${BATCH_NOTIFICATIONS}) b`, [marked.markedIds, marked.markedTerms, marked.markedOffsets, context.today]);
        await manager.query(`INSERT INTO licence_reminder_digest_queue (job_run_id, sent_on, licence_ids, terms, offsets) VALUES ($1, $2, $3, $4, $5)`, [
          context.runId,
          context.today,
          marked.markedIds,
          marked.markedTerms,
          marked.markedOffsets,
        ]);
        await this.audit.record(manager, {
          action: 'licence.renewal_reminders',
          entityType: 'licence',
          after: { runId: context.runId, reminders: marked.markedIds.length, notifications },
        });
        return { ...marked, notifications };
      });
      if (batch.lastExpiresOn === null || batch.lastId === null) break;
      counts.batches += 1;
      counts.reminders += batch.markedIds.length;
      counts.notifications += batch.notifications;
      position = { expiresOn: batch.lastExpiresOn, id: batch.lastId };
    }
    counts.digests = await this.sendDigests(context);
    return counts;
  }

  /**
   * Lists every queued batch (this run's, and any a failed run left) in one digest per official,
   * and empties the queue, in one transaction. SKIP LOCKED: a concurrent run's digest takes the
   * batches it locked, this one the rest, and none is listed twice.
   */
  private sendDigests(context: JobContext): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const queued = ((await manager.query(`SELECT id::text AS id FROM licence_reminder_digest_queue ORDER BY id FOR UPDATE SKIP LOCKED`)) as { id: string }[]).map((r) => r.id);
      if (queued.length === 0) return 0;
      const digests = await this.notifications.enqueueFromQuery(manager, `SELECT ${OUTBOX_QUERY_COLUMNS} FROM (${DIGEST_NOTIFICATIONS}) d`, [queued, context.runId, context.today]);
      await manager.query(`DELETE FROM licence_reminder_digest_queue WHERE id = ANY($1::bigint[])`, [queued]);
      await this.audit.record(manager, { action: 'licence.renewal_digest', entityType: 'licence', after: { runId: context.runId, batches: queued.length, digests } });
      return digests;
    });
  }
}
