import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminders not yet listed in a bureau digest, a row per committed batch of the reminder job
 * (its marked licence, term and offset arrays). The job's last step takes every row (its own
 * batches and those of a run that died before its digest) and sends one digest per official in the
 * same transaction, so a rerun finds nothing and a crash loses nothing.
 */
export class ReminderDigestQueue1796661107176 implements MigrationInterface {
  name = 'ReminderDigestQueue1796661107176';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE licence_reminder_digest_queue (
        id bigserial PRIMARY KEY,
        job_run_id bigint REFERENCES job_runs (id),
        sent_on date NOT NULL,
        licence_ids uuid[] NOT NULL,
        terms integer[] NOT NULL,
        offsets integer[] NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE licence_reminder_digest_queue`);
  }
}
