import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events feed (libs/events): one row per public change, written in the change's transaction
 * with that transaction's id. `seq` is the feed's number, given later in commit-safe order (see
 * EventsService); `id` only orders the events of one transaction.
 */
export class Events1796661720000 implements MigrationInterface {
  name = 'Events1796661720000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        seq bigint UNIQUE,
        type text NOT NULL,
        occurred_at timestamptz(3) NOT NULL,
        subject jsonb NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    // What the sequencer looks for: the events not numbered yet.
    await db.query(`CREATE INDEX events_unsequenced_idx ON events (id) WHERE seq IS NULL`);
    // Append-only: the only change allowed is giving an event its number, once.
    await db.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
           AND (NEW.id, NEW.type, NEW.occurred_at, NEW.subject, NEW.data) IS NOT DISTINCT FROM (OLD.id, OLD.type, OLD.occurred_at, OLD.subject, OLD.data) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
      END $$`);
    await db.query(`CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION events_append_only()`);
  }
}
