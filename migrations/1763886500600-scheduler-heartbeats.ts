import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A row per process that runs the scheduler (the worker, or the API with RUN_JOBS), refreshed every
 * 30 s: /health/ready of every API process reads it to say when no process runs the jobs. `jobs`
 * is what that process schedules (name and whether it runs at least daily), since only it knows
 * (the backup job, for one, exists only where BACKUP_DIR is set).
 */
export class SchedulerHeartbeats1763886500600 implements MigrationInterface {
  name = 'SchedulerHeartbeats1763886500600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheduler_heartbeats (
        process_id text PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz(3) NOT NULL,
        beat_at timestamptz(3) NOT NULL,
        jobs jsonb NOT NULL DEFAULT '[]'
      )`);
    // The latest beat (readiness) and the pruning of processes long gone.
    await db.query(`CREATE INDEX scheduler_heartbeats_beat_idx ON scheduler_heartbeats (beat_at DESC)`);
    // Each job's last success (readiness, /metrics): without it, a job failing every minute all day
    // would be read back through a day of failed runs.
    await db.query(`CREATE INDEX job_runs_succeeded_idx ON job_runs (job_name, finished_at DESC) WHERE status = 'succeeded'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scheduler_heartbeats`);
    await db.query(`DROP INDEX job_runs_succeeded_idx`);
  }
}
