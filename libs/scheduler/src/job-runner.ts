import { Injectable, Logger } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, RequestContext } from '@app/core';
import { AuditService } from '@app/audit';
import { JobCounts } from './job';
import { JobRegistry } from './job-registry';

/** First key of the two-int advisory locks the scheduler takes; the second is hashtext(job name). */
export const JOB_LOCK_NAMESPACE = 7_301_001;

const tracer = trace.getTracer('agency-registry-jobs');

export type JobRunStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';

export interface JobRunRecord {
  id: string;
  jobName: string;
  status: JobRunStatus;
  triggeredBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: JobCounts | null;
  error: string | null;
}

/** A run that did not happen because another process holds the job's lock. */
export interface SkippedRun {
  jobName: string;
  status: 'skipped';
}

export const JOB_RUN_COLUMNS = `id::text AS id, job_name AS "jobName", status, triggered_by AS "triggeredBy", started_at AS "startedAt",
  finished_at AS "finishedAt", counts, error`;

/**
 * Runs a job under a PostgreSQL session advisory lock held on a connection of its own, so that
 * of any number of workers (and API processes) exactly one runs a given job at a time; the others
 * skip without recording anything. If the process dies the connection closes and PostgreSQL
 * releases the lock; the next run marks the dead run 'abandoned', and the job's unique keys make
 * it pick up exactly where the dead one stopped.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** When `name` was last started by hand (by an admin, not the schedule), if ever. */
  async lastManualStart(name: string): Promise<Date | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT started_at AS "startedAt" FROM job_runs WHERE job_name = $1 AND triggered_by <> 'schedule' ORDER BY started_at DESC LIMIT 1`,
      [name],
    )) as { startedAt: Date }[];
    return rows[0]?.startedAt;
  }

  /**
   * Runs `name` now. Throws on an unknown job; a failing job is recorded as failed, not thrown.
   * With tracing on (apps/api/src/tracing.ts) the run is a span, `job <name>`, its SQL inside it;
   * without, OpenTelemetry's API does nothing.
   */
  runJob(name: string, triggeredBy = 'schedule'): Promise<JobRunRecord | SkippedRun> {
    return tracer.startActiveSpan(`job ${name}`, { attributes: { 'registry.job.name': name, 'registry.job.triggered_by': triggeredBy } }, async (span) => {
      try {
        const result = await this.runJobUntraced(name, triggeredBy);
        span.setAttribute('registry.job.status', result.status);
        if (result.status === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async runJobUntraced(name: string, triggeredBy: string): Promise<JobRunRecord | SkippedRun> {
    const job = this.registry.get(name);
    if (!job) throw new Error(`Unknown job '${name}'`);
    const lockConnection = this.dataSource.createQueryRunner();
    await lockConnection.connect();
    try {
      const [{ locked }] = (await lockConnection.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [JOB_LOCK_NAMESPACE, name])) as { locked: boolean }[];
      if (!locked) return { jobName: name, status: 'skipped' };
      try {
        return await this.runLocked(name, triggeredBy, (context) => job.run(context));
      } finally {
        await lockConnection.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [JOB_LOCK_NAMESPACE, name]);
      }
    } finally {
      await lockConnection.release();
    }
  }

  private async runLocked(name: string, triggeredBy: string, run: (context: { runId: string; startedAt: Date; today: string }) => Promise<JobCounts>): Promise<JobRunRecord> {
    const startedAt = this.clock.now();
    // Holding the lock means no other process runs this job: a 'running' row is a dead run's.
    await this.dataSource.query(`UPDATE job_runs SET status = 'abandoned', finished_at = $2, error = 'the process running it stopped' WHERE job_name = $1 AND status = 'running'`, [name, startedAt]);
    const runId = await this.dataSource.transaction(async (manager) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO job_runs (job_name, status, triggered_by, started_at) VALUES ($1, 'running', $2, $3) RETURNING id::text AS id`,
        [name, triggeredBy, startedAt],
      )) as { id: string }[];
      // A run someone asked for is their act (the caller's RequestContext); scheduled runs are
      // routine and leave their trace in job_runs and in the audit events of what they change.
      if (triggeredBy !== 'schedule') await this.audit.record(manager, { action: 'job.run', entityType: 'job_run', entityId: id, after: { jobName: name } });
      return id;
    });
    let counts: JobCounts | null = null;
    let error: string | null = null;
    try {
      // Writes of the job are audited as the system, tagged with the run.
      counts = await RequestContext.run({ requestId: `job-${name}-${runId}`, actor: { userId: null, username: 'system', role: 'system' } }, () =>
        run({ runId, startedAt, today: this.clock.today() }),
      );
    } catch (caught: unknown) {
      error = caught instanceof Error ? caught.message : String(caught);
      this.logger.error(`Job ${name} (run ${runId}) failed: ${error}`, caught instanceof Error ? caught.stack : undefined);
    }
    const [updatedRows] = (await this.dataSource.query(
      `UPDATE job_runs SET status = $2, finished_at = $3, counts = $4, error = $5 WHERE id = $1 RETURNING ${JOB_RUN_COLUMNS}`,
      [runId, error === null ? 'succeeded' : 'failed', this.clock.now(), counts === null ? null : JSON.stringify(counts), error],
    )) as [JobRunRecord[], number]; // UPDATE answers [rows, rowCount]
    return updatedRows[0];
  }

  /**
   * The last `perJob` runs of each named job, newest first: one index range read per job
   * (job_runs_job_idx), however many runs the every-minute jobs have piled up.
   */
  async recentRuns(jobNames: string[], perJob: number): Promise<Map<string, JobRunRecord[]>> {
    const rows = (await this.dataSource.query(
      `SELECT r.* FROM unnest($1::text[]) AS j(name)
        CROSS JOIN LATERAL (
          SELECT ${JOB_RUN_COLUMNS} FROM job_runs WHERE job_name = j.name ORDER BY started_at DESC, id DESC LIMIT $2
        ) r`,
      [jobNames, perJob],
    )) as JobRunRecord[];
    const byJob = new Map<string, JobRunRecord[]>(jobNames.map((name) => [name, []]));
    for (const row of rows) byJob.get(row.jobName)?.push(row);
    return byJob;
  }
}
