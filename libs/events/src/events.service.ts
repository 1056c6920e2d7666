import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventView } from './events.dto';
import { EventType, NewEvent } from './event-types';

/** Held (per transaction) by whoever numbers the feed: one at a time, so numbers never interleave. */
const SEQUENCER_LOCK = 0x65766e74; // 'evnt'
/** Events numbered per round; the rest wait for the next read. */
const SEQUENCE_BATCH = 10_000;

interface EventRow {
  seq: string;
  type: EventView['type'];
  occurred_at: Date;
  subject: EventView['subject'];
  data: Record<string, unknown>;
}

/**
 * The events feed. A change's lib appends its event in the change's own transaction, so an event
 * exists exactly when its change committed.
 *
 * Feed numbers (`seq`) are not taken at insert: a bigserial is drawn in insert order but
 * transactions commit in another, so a reader could see 11 while 10 is still uncommitted, resume
 * after 11 and never see 10. Instead a single sequencer at a time (an advisory lock held to its
 * commit) numbers the committed events not numbered yet, after the highest number given. An
 * uncommitted event is invisible to it and gets a later, larger number once committed; a number,
 * once visible, never changes. So every event is numbered once, numbers only grow in the order
 * readers can see them, and resuming after any seq neither skips nor repeats an event.
 */
@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the change's transaction. */
  async append(manager: EntityManager, event: NewEvent): Promise<void> {
    await this.appendMany(manager, [event]);
  }

  async appendMany(manager: EntityManager, events: readonly NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO events (type, occurred_at, subject, data)
       SELECT e->>'type', (e->>'occurredAt')::timestamptz, e->'subject', e->'data' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n`,
      [JSON.stringify(events.map((e) => ({ type: e.type, occurredAt: e.occurredAt.toISOString(), subject: e.subject, data: e.data })))],
    );
  }

  /** Numbers the committed events (see above); skipped while another reader does it, whose numbers the next read shows. */
  async sequence(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEQUENCER_LOCK])) as { locked: boolean }[];
      if (!locked) return 0;
      const [, count] = (await manager.query(
        // The statement's snapshot is taken after the lock: it sees the previous sequencer's numbers.
        `WITH ready AS (
           SELECT id, row_number() OVER (ORDER BY id) AS n FROM events WHERE seq IS NULL ORDER BY id LIMIT ${SEQUENCE_BATCH}
         )
         UPDATE events e SET seq = (SELECT coalesce(max(seq), 0) FROM events) + ready.n
           FROM ready WHERE e.id = ready.id`,
      )) as [unknown, number];
      return count;
    });
  }

  /**
   * The highest feed number among events of these types, after numbering what has committed: it
   * grows exactly when such an event commits (what the open datasets take as "changed").
   */
  async lastSeq(types: readonly EventType[]): Promise<number> {
    await this.sequence();
    // Read backwards along the seq index: the newest events of a kind are near its end.
    const [row] = (await this.dataSource.query(`SELECT seq::text AS seq FROM events WHERE seq IS NOT NULL AND type = ANY($1::text[]) ORDER BY seq DESC LIMIT 1`, [types])) as { seq: string }[];
    return row ? Number(row.seq) : 0;
  }

  /** The numbered events after `after`, oldest first. */
  async after(after: number, limit: number): Promise<EventView[]> {
    await this.sequence();
    const rows = (await this.dataSource.query(
      // Ordered by the column, not by the text it is selected as ('10' < '2').
      `SELECT e.seq::text AS seq, e.type, e.occurred_at, e.subject, e.data FROM events e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`, [after, limit])) as EventRow[];
    return rows.map((r) => ({ seq: Number(r.seq), type: r.type, occurredAt: r.occurred_at, subject: r.subject, data: r.data }));
  }
}
