import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, paginate, RequestContext } from '@app/core';
import { Actor } from '@app/access';
import { actionLabels, entityLabels } from './audit-labels';
import { AuditEvent } from './audit-event.entity';
import { AuditEventView, AuditQuery, AuditVerification } from './audit.dto';
import { shownTo } from './audit-visibility';

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `licence.suspend`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, when it is not the signed-in caller (e.g. a sign-in attempt). */
  actor?: { userId: string | null; username: string; role: string };
}

/** Who acts when no request does: scheduled jobs, migrations, the demo seed. */
const SYSTEM_ACTOR = { userId: null, username: 'system', role: 'system' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event inside the caller's transaction, so the change and its record commit or
   * fail together. Actor and request id come from the RequestContext.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const context = RequestContext.current();
    const actor = entry.actor ?? context?.actor ?? SYSTEM_ACTOR;
    await manager.query(
      // seq, occurred_at and the hashes are filled in by the audit_events_link trigger.
      `INSERT INTO audit_events (actor_id, actor_username, actor_role, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor.userId,
        actor.username,
        actor.role,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        context?.requestId ?? null,
      ],
    );
  }

  /**
   * The trail, newest first. Payloads of case records (complaints, inspections, self-assessments,
   * applications) go only to roles that may read those cases: a system admin sees that they
   * happened, not what they hold. Complainants' personal data, which rows written before it was
   * kept out of the trail may still hold, is removed from every payload shown.
   */
  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEventView>> {
    const page = await this.query(query);
    return {
      items: page.items.map((event) => {
        const action = actionLabels(event.action);
        const entity = entityLabels(event.entityType);
        return { ...shownTo(actor, event), actionZh: action.zh, actionEn: action.en, entityTypeZh: entity.zh, entityTypeEn: entity.en };
      }),
      nextCursor: page.nextCursor,
    };
  }

  private async query(query: AuditQuery): Promise<Page<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actor) {
      if (UUID.test(query.actor)) qb.andWhere('e.actor_id = :actorId', { actorId: query.actor });
      else qb.andWhere('e.actor_username = :actorName', { actorName: query.actor.toLowerCase() });
    }
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    return paginate(qb, query, {
      sortColumn: 'e.seq',
      idColumn: 'e.seq',
      direction: 'DESC',
      sortValue: (e: AuditEvent) => e.seq,
      idValue: (e: AuditEvent) => e.seq,
      cursorKinds: ['integer', 'integer'],
    });
  }

  /**
   * Recomputes every row's hash in the database and checks each row links to the one before
   * it; names the first row that does not.
   */
  async verify(): Promise<AuditVerification> {
    const [broken] = (await this.dataSource.query(`
      WITH chain AS (
        SELECT seq, hash, prev_hash, audit_event_hash(prev_hash, a) AS expected_hash,
               lag(hash) OVER (ORDER BY seq) AS previous_hash,
               lag(seq) OVER (ORDER BY seq) AS previous_seq
        FROM audit_events a
      )
      SELECT seq::text,
             CASE WHEN hash <> expected_hash THEN 'the row''s content does not match its hash'
                  WHEN prev_hash <> coalesce(previous_hash, repeat('0', 64)) THEN 'the row does not link to the row before it'
                  ELSE 'a row is missing before this one' END AS reason
      FROM chain
      WHERE hash <> expected_hash
         OR prev_hash <> coalesce(previous_hash, repeat('0', 64))
         OR seq <> coalesce(previous_seq, 0) + 1
      ORDER BY seq
      LIMIT 1`)) as { seq: string; reason: string }[];
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`)) as { count: number }[];
    return { valid: !broken, checkedEvents: count, firstBrokenSeq: broken?.seq ?? null, reason: broken?.reason ?? null };
  }
}
