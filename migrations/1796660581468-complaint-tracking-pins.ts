import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 6-digit PIN beside the long secret, so a worker on a phone can follow her complaint with what
 * she can write down. Only a keyed hash of the PIN is kept (complaints filed before have none and
 * keep their secret). Wrong PINs are counted per tracking code, known or not, so a code cannot be
 * guessed at from many addresses and a locked code says nothing about whether it exists.
 */
export class ComplaintTrackingPins1796660581468 implements MigrationInterface {
  name = 'ComplaintTrackingPins1796660581468';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaints ADD COLUMN pin_hash text`);
    await db.query(`
      CREATE TABLE complaint_tracking_failures (
        tracking_code text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz(3),
        last_failure_at timestamptz(3) NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE complaint_tracking_failures`);
    await db.query(`ALTER TABLE complaints DROP COLUMN pin_hash`);
  }
}
