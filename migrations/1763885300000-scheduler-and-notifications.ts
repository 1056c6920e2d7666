import { MigrationInterface, QueryRunner } from 'typeorm';

/** Runs of the scheduled jobs, the notification outbox and the markers of sent renewal reminders. */
export class SchedulerAndNotifications1763885300000 implements MigrationInterface {
  name = 'SchedulerAndNotifications1763885300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_runs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        job_name text NOT NULL,
        -- 'abandoned': the process running it died; the next run of the job marks it.
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
        triggered_by text NOT NULL,
        started_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3),
        counts jsonb,
        error text,
        CHECK ((status = 'running') = (finished_at IS NULL))
      )`);
    // The last runs of a job (GET /admin/jobs) and the stale 'running' rows of a job.
    await db.query(`CREATE INDEX job_runs_job_idx ON job_runs (job_name, started_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        recipient_user_id uuid NOT NULL REFERENCES users (id),
        -- What makes a notification unique (e.g. licence, term, offset and recipient): writers
        -- insert ON CONFLICT DO NOTHING, so a rerun or a second worker adds nothing twice.
        dedup_key text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        -- Every notification is in the recipient's inbox; 'email' ones are also mailed.
        channel text NOT NULL CHECK (channel IN ('inbox', 'email')),
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        last_error text,
        sent_at timestamptz(3),
        read_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX notifications_dedup_key ON notifications (dedup_key)`);
    // GET /me/notifications: unread first, then newest, keyset on (unread, created_at, id).
    await db.query(`CREATE INDEX notifications_inbox_idx ON notifications (recipient_user_id, (read_at IS NULL), created_at, id)`);
    // The delivery job's queue: only what is still to be mailed.
    await db.query(`CREATE INDEX notifications_delivery_idx ON notifications (next_attempt_at) WHERE status = 'pending' AND channel = 'email'`);

    await db.query(`
      CREATE TABLE licence_reminders (
        licence_id uuid NOT NULL REFERENCES licences (id),
        term integer NOT NULL,
        offset_days integer NOT NULL,
        sent_on date NOT NULL,
        -- The run that sent it (for tracing; not indexed, nothing filters on it routinely).
        job_run_id bigint REFERENCES job_runs (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        -- One reminder per licence, term and offset, ever.
        PRIMARY KEY (licence_id, term, offset_days)
      )`);
    // The reminder job walks the active licences in the reminder window in (expires_on, id) order.
    await db.query(`CREATE INDEX licences_active_expiry_idx ON licences (expires_on, id) WHERE status = 'active'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX licences_active_expiry_idx`);
    await db.query(`DROP TABLE licence_reminders, notifications, job_runs`);
  }
}
