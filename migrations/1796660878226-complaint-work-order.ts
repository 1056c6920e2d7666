import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order of a work list: open complaints by the deadline that runs now (so overdue ones, whose
 * deadline is past, come first, then those due soonest), then the disposed-of ones, newest first.
 * Kept by a trigger because a generated column may use only immutable functions and timestamp
 * arithmetic is not; indexed for the keyset pages of the default list order.
 */
export class ComplaintWorkOrder1796660878226 implements MigrationInterface {
  name = 'ComplaintWorkOrder1796660878226';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaints ADD COLUMN work_order timestamptz(3)`);
    await db.query(`
      CREATE FUNCTION complaint_work_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.work_order := CASE
          WHEN NEW.status IN ('resolved', 'referred', 'dismissed', 'closed')
            THEN timestamptz '9999-01-01 00:00:00+00' - (NEW.received_at - timestamptz '2000-01-01 00:00:00+00')
          WHEN NEW.acknowledged_at IS NULL AND NEW.ack_due_at < NEW.resolve_due_at THEN NEW.ack_due_at
          ELSE NEW.resolve_due_at END;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER complaints_work_order BEFORE INSERT OR UPDATE OF status, acknowledged_at, ack_due_at, resolve_due_at, received_at ON complaints
      FOR EACH ROW EXECUTE FUNCTION complaint_work_order()`);
    // Straight to the column with the triggers off: the roll-up has nothing to recount here.
    await db.query(`ALTER TABLE complaints DISABLE TRIGGER USER`);
    await db.query(`
      UPDATE complaints SET work_order = CASE
        WHEN status IN ('resolved', 'referred', 'dismissed', 'closed') THEN timestamptz '9999-01-01 00:00:00+00' - (received_at - timestamptz '2000-01-01 00:00:00+00')
        WHEN acknowledged_at IS NULL AND ack_due_at < resolve_due_at THEN ack_due_at
        ELSE resolve_due_at END`);
    await db.query(`ALTER TABLE complaints ENABLE TRIGGER USER`);
    await db.query(`ALTER TABLE complaints ALTER COLUMN work_order SET NOT NULL`);
    await db.query(`CREATE INDEX complaints_work_order_idx ON complaints (work_order, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER complaints_work_order ON complaints`);
    await db.query(`DROP FUNCTION complaint_work_order()`);
    await db.query(`ALTER TABLE complaints DROP COLUMN work_order`);
  }
}
