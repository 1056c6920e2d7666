import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { AppConfig, SettableClock, validateEnvironment } from '@app/core';
import { JOB_LOCK_NAMESPACE, JobDiscovery, JobRegistry, JobRunner } from '@app/scheduler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { expectProblem, seedWorld, signInAll } from './support/fixtures';
import { appRoleUrl, startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

/**
 * Every job of the registry, each declared by `@ScheduledJob` on a provider of its domain's module;
 * `backup` too where BACKUP_DIR is set (not in these tests, on a database server).
 */
const ALL_JOBS = [
  'annual-report-deadlines',
  'case-deadlines',
  'commitment-checks',
  'complaint-rollup-check',
  'complaint-sla',
  'corrective-action-deadlines',
  'credit-grades',
  'licence-expiry',
  'licence-renewal-reminders',
  'notification-delivery',
  'open-datasets',
  'reserve-fund-top-ups',
  'risk-scores',
  'self-assessment-deadlines',
];

describe('scheduler: job runs, locks and /admin/jobs', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let runner: JobRunner;
  const clock = new SettableClock('2026-05-01T00:00:00Z');
  let slowRelease: () => void = () => undefined;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await seedWorld(t);
    headers = await signInAll(t);
    runner = t.app.get(JobRunner);
    const registry = t.app.get(JobRegistry);
    registry.register({
      name: 'test-failing',
      cron: '0 3 * * *',
      description: { en: 'always fails', zh: '总是失败' },
      run: () => Promise.reject(new Error('nothing works')),
    });
    registry.register({
      name: 'test-slow',
      cron: '0 3 * * *',
      description: { en: 'waits until released', zh: '等待放行' },
      run: () => new Promise((resolve) => (slowRelease = () => resolve({ done: 1 }))),
    });
  });
  afterAll(() => t.close());

  const runsOf = async (name: string) =>
    (await t.db.query(`SELECT status, triggered_by AS "triggeredBy", counts, error FROM job_runs WHERE job_name = $1 ORDER BY id`, [name])) as {
      status: string;
      triggeredBy: string;
      counts: Record<string, number> | null;
      error: string | null;
    }[];

  it('lists the jobs with their last run, for the system admin only', async () => {
    const list = await t.http().get('/api/admin/jobs').set('authorization', headers.admin).expect(200);
    const names = (list.body as { name: string }[]).map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['licence-expiry', 'licence-renewal-reminders', 'notification-delivery']));
    expect(list.body.find((j: { name: string }) => j.name === 'licence-renewal-reminders')).toMatchObject({ cron: '0 8 * * *', lastRun: null, recentRuns: [] });
    // What each job does, in the caller's language: Chinese by default, English when asked.
    expect(list.body.find((j: { name: string }) => j.name === 'licence-expiry').description).toMatch(/许可证/);
    const english = await t.http().get('/api/admin/jobs').set('authorization', headers.admin).set('accept-language', 'en').expect(200);
    expect(english.body.find((j: { name: string }) => j.name === 'licence-expiry').description).toMatch(/^Active licences past expiresOn/);
    for (const user of ['ministry', 'fj-admin', 'fj-inspector', 'agency-fj-1']) {
      expectProblem((await t.http().get('/api/admin/jobs').set('authorization', headers[user]).expect(403)).body, 403);
      await t.http().post('/api/admin/jobs/licence-expiry/run').set('authorization', headers[user]).expect(403);
    }
    await t.http().get('/api/admin/jobs').expect(401);
  });

  it('the API and the worker find the same jobs, from the one list of domain modules', async () => {
    const list = await t.http().get('/api/admin/jobs').set('authorization', headers.admin).expect(200);
    const apiJobs = (list.body as { name: string }[]).map((j) => j.name).filter((name) => !name.startsWith('test-'));
    expect(apiJobs).toEqual(ALL_JOBS);
    const config = t.app.get(AppConfig);
    const environment = validateEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      DATABASE_APP_URL: appRoleUrl(t.databaseUrl),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      DATA_DIR: config.get('DATA_DIR'),
      BACKUP_DIR: config.get('BACKUP_DIR'),
      REDIS_URL: '',
    });
    // The worker's module graph, without init: its jobs are found but no cron starts in this test.
    const worker = await Test.createTestingModule({ imports: [WorkerModule.register(environment)] }).compile();
    try {
      worker.get(JobDiscovery).onModuleInit();
      expect(worker.get(JobRegistry).all().map((job) => job.name)).toEqual(apiJobs);
    } finally {
      await worker.close();
    }
  });

  it('runs a job on demand and records the run', async () => {
    const run = await t.http().post('/api/admin/jobs/licence-renewal-reminders/run').set('authorization', headers.admin).expect(200);
    expect(run.body).toMatchObject({ jobName: 'licence-renewal-reminders', status: 'succeeded', triggeredBy: 'admin', counts: { reminders: 0 }, error: null });
    const list = await t.http().get('/api/admin/jobs').set('authorization', headers.admin).expect(200);
    const job = list.body.find((j: { name: string }) => j.name === 'licence-renewal-reminders');
    expect(job.lastRun).toMatchObject({ id: run.body.id, status: 'succeeded' });
    expect(job.recentRuns).toEqual([job.lastRun]);
    const [audit] = (await t.db.query(`SELECT actor_username, after FROM audit_events WHERE action = 'job.run' AND entity_id = $1`, [run.body.id])) as { actor_username: string; after: unknown }[];
    expect(audit).toEqual({ actor_username: 'admin', after: { jobName: 'licence-renewal-reminders' } });
    expectProblem((await t.http().post('/api/admin/jobs/no-such-job/run').set('authorization', headers.admin).expect(404)).body, 404);
  });

  it('records a failing job as failed, with its error', async () => {
    const run = await t.http().post('/api/admin/jobs/test-failing/run').set('authorization', headers.admin).expect(200);
    expect(run.body).toMatchObject({ status: 'failed', error: 'nothing works', counts: null });
    expect((await runsOf('test-failing')).map((r) => r.status)).toEqual(['failed']);
  });

  it('skips, recording nothing, while another process holds the job lock', async () => {
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1, hashtext('licence-expiry'))`, [JOB_LOCK_NAMESPACE]);
      expect(await runner.runJob('licence-expiry')).toEqual({ jobName: 'licence-expiry', status: 'skipped' });
      expect(await runsOf('licence-expiry')).toEqual([]);
      await other.query(`SELECT pg_advisory_unlock($1, hashtext('licence-expiry'))`, [JOB_LOCK_NAMESPACE]);
      expect(await runner.runJob('licence-expiry')).toMatchObject({ status: 'succeeded' });
    } finally {
      await other.end();
    }
  });

  it('runs a job once while a run is in progress, and marks a dead run abandoned', async () => {
    const first = runner.runJob('test-slow');
    // Wait until the first run holds the lock and has recorded itself.
    while ((await runsOf('test-slow')).length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(await runner.runJob('test-slow')).toMatchObject({ status: 'skipped' });
    slowRelease();
    expect(await first).toMatchObject({ status: 'succeeded', counts: { done: 1 } });

    // A worker killed mid-run leaves its row 'running'; the next run, holding the lock, closes it.
    await t.db.query(`INSERT INTO job_runs (job_name, status, triggered_by, started_at) VALUES ('licence-expiry', 'running', 'schedule', now())`);
    await runner.runJob('licence-expiry');
    const runs = await runsOf('licence-expiry');
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'abandoned', 'succeeded']);
  });
});
