import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, decodeCursor, encodeCursor, Page, PageQuery, Problems } from '@app/core';
import { AGENCY_NAMES_SQL } from '@app/agencies';
import { AuditService } from '@app/audit';
import { AgencyNotice, NotificationRequest, NotificationView, OfficialsNotice, UserNotice } from './notification';
import { RecipientsPolicy, told } from './recipients-policy';
import { linkOf } from './notification-links';
import { renderNotification } from './notification-templates';

/** The columns a query handed to `enqueueFromQuery` must produce. */
export const OUTBOX_QUERY_COLUMNS = 'kind, recipient_user_id, dedup_key, payload, channel';

/** A notification as stored: its text is rendered from kind and payload when read. */
type StoredNotification = Omit<NotificationView, 'title' | 'titleZh' | 'titleEn' | 'bodyZh' | 'bodyEn' | 'link'>;

const VIEW_COLUMNS = `id, kind, payload, channel, status, read_at AS "readAt", created_at AS "createdAt"`;

/**
 * The notification outbox. Writers call it with their own transaction's manager, so a
 * notification exists exactly when the change that caused it committed; a duplicate dedup key
 * is silently dropped (ON CONFLICT DO NOTHING), which makes every writer safe to rerun.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** One notification; false when its dedup key was already used. */
  async enqueue(manager: EntityManager, request: NotificationRequest): Promise<boolean> {
    return (await this.enqueueMany(manager, [request])) === 1;
  }

  /** Many notifications in one statement; answers how many were new. */
  async enqueueMany(manager: EntityManager, requests: NotificationRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    return this.enqueueFromQuery(
      manager,
      `SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[]) AS r(${OUTBOX_QUERY_COLUMNS})`,
      [
        requests.map((r) => r.kind),
        requests.map((r) => r.recipientUserId),
        requests.map((r) => r.dedupKey),
        requests.map((r) => JSON.stringify(r.payload)),
        requests.map((r) => r.channel ?? 'email'),
      ],
    );
  }

  /** Tells each agency's users what happened to it, in one statement for all the notices. */
  async notifyAgencies(manager: EntityManager, notices: AgencyNotice[]): Promise<number> {
    if (notices.length === 0) return 0;
    return this.enqueueFromQuery(
      manager,
      `SELECT n.kind, rcp.user_id AS recipient_user_id, n.dedup_key || ':' || rcp.user_id AS dedup_key,
              n.payload || jsonb_build_object('agencyId', a.id, 'agencyNameZh', a.name_zh, 'agencyNameEn', a.name_en) AS payload,
              'email' AS channel
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS n(agency_id, kind, dedup_key, payload)
         JOIN ${AGENCY_NAMES_SQL} a ON a.id = n.agency_id
        CROSS JOIN ${told(RecipientsPolicy.agency('n.agency_id'))}`,
      [notices.map((n) => n.agencyId), notices.map((n) => n.kind), notices.map((n) => n.dedupKey), notices.map((n) => JSON.stringify(n.payload))],
    );
  }

  notifyAgency(manager: EntityManager, notice: AgencyNotice): Promise<number> {
    return this.notifyAgencies(manager, [notice]);
  }

  /**
   * Tells the officials responsible for a record (RecipientsPolicy.responsible: the bureau that
   * acted on it, else the bureaus covering its division); answers how many were told.
   */
  async notifyResponsible(manager: EntityManager, notice: OfficialsNotice): Promise<number> {
    return this.enqueueFromQuery(
      manager,
      `SELECT $1::text AS kind, rcp.user_id AS recipient_user_id, $2::text || ':' || rcp.user_id AS dedup_key, $3::jsonb AS payload, 'email' AS channel
         FROM (SELECT $4::uuid AS bureau_id, $5::text AS jurisdiction_code) r
        CROSS JOIN ${told(RecipientsPolicy.responsible({ bureauId: 'r.bureau_id', jurisdictionCode: 'r.jurisdiction_code' }))}`,
      [notice.kind, notice.dedupKey, JSON.stringify(notice.payload), notice.bureauId ?? null, notice.jurisdictionCode],
    );
  }

  /** Tells one official (an assignment); false when already told of this event. */
  notifyUser(manager: EntityManager, notice: UserNotice): Promise<boolean> {
    return this.enqueue(manager, { kind: notice.kind, recipientUserId: notice.userId, dedupKey: `${notice.dedupKey}:${notice.userId}`, payload: notice.payload });
  }

  /**
   * Set-based: writes one notification per row of `select`, which must produce the columns
   * `kind, recipient_user_id, dedup_key, payload (jsonb), channel` and use only `$1..$n` of
   * `params`. Email is chosen only when SMTP is configured and the recipient has an address;
   * disabled users get nothing. Answers how many were new.
   */
  async enqueueFromQuery(manager: EntityManager, select: string, params: unknown[]): Promise<number> {
    const mail = `$${params.length + 1}::boolean`;
    // The first attempt is due at once, by the injectable clock the delivery job also reads.
    const now = `$${params.length + 2}::timestamptz`;
    // Allowed cross-domain SQL: notifications sits below auth; disabled users are dropped in the INSERT.
    const rows = (await manager.query(
      `WITH inserted AS (
         INSERT INTO notifications (kind, recipient_user_id, dedup_key, payload, channel, status, next_attempt_at)
         SELECT q.kind, q.recipient_user_id, q.dedup_key, q.payload, d.channel,
                CASE d.channel WHEN 'email' THEN 'pending' ELSE 'sent' END,
                CASE d.channel WHEN 'email' THEN ${now} END
           FROM (${select}) q
           JOIN users u ON u.id = q.recipient_user_id AND u.status = 'active'
          CROSS JOIN LATERAL (
            SELECT CASE WHEN ${mail} AND q.channel = 'email' AND u.email IS NOT NULL THEN 'email' ELSE 'inbox' END AS channel
          ) d
         ON CONFLICT (dedup_key) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM inserted`,
      [...params, this.mailEnabled, this.clock.now()],
    )) as { count: number }[];
    return rows[0].count;
  }

  /** How many of the user's notifications are unread (the inbox index covers it). */
  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE recipient_user_id = $1 AND (read_at IS NULL)`,
      [userId],
    )) as { unread: number }[];
    return row.unread;
  }

  /** The caller's notifications, unread first, then newest first (keyset on unread, createdAt, id). */
  async listMine(userId: string, page: PageQuery): Promise<Page<NotificationView>> {
    const limit = page.limit ?? 50;
    const params: unknown[] = [userId, limit + 1];
    let after = '';
    if (page.cursor) {
      const [unread, createdAt, id] = decodeCursor(page.cursor, ['flag', 'timestamp', 'uuid']);
      params.push(unread === 1, createdAt, id);
      after = `AND ((read_at IS NULL), created_at, id) < ($3::boolean, $4::timestamptz, $5::uuid)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications
        WHERE recipient_user_id = $1 ${after}
        ORDER BY (read_at IS NULL) DESC, created_at DESC, id DESC
        LIMIT $2`,
      params,
    )) as StoredNotification[];
    const items = rows.slice(0, limit).map(withText);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor([last.readAt === null ? 1 : 0, last.createdAt.toISOString(), last.id]) : null;
    return { items, nextCursor };
  }

  /** Marks one of the caller's notifications read (again is a no-op); someone else's is a 404. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_user_id = $2 RETURNING ${VIEW_COLUMNS}`,
        [id, userId],
      )) as [StoredNotification[], number]; // UPDATE answers [rows, rowCount]
      const row = rows[0];
      if (!row) throw Problems.notFound('Notification', id);
      await this.audit.record(manager, { action: 'notification.read', entityType: 'notification', entityId: id, after: { readAt: row.readAt } });
      return withText(row);
    });
  }

  private get mailEnabled(): boolean {
    return !!this.config.get('SMTP_URL');
  }
}

/** The stored kind and payload rendered: the title and body in both languages. */
function withText(row: StoredNotification): NotificationView {
  const { subject, titleZh, titleEn, bodyZh, bodyEn } = renderNotification(row.kind, row.payload);
  return { ...row, title: subject, titleZh, titleEn, bodyZh, bodyEn, link: linkOf(row.kind, row.payload) };
}
