import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { SettableClock } from '@app/core';
import { JobRegistry, JobRunner, SchedulerHeartbeat } from '@app/scheduler';
import { startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Issue 28, item 2: jobs cannot silently stop. An API process without jobs (RUN_JOBS off, the
 * default with DATABASE_URL) says at start who runs them, and its readiness reports `degraded`
 * when no process has beaten for 2 minutes or a daily job has not succeeded in 26 hours.
 */
describe('scheduler heartbeat and readiness', () => {
  const clock = new SettableClock('2026-06-01T00:00:00Z');
  // What the processes warn through Nest's Logger, whichever logger the app plugs in behind it.
  const warnings = jest.spyOn(Logger.prototype, 'warn');
  const warned = () => warnings.mock.calls.map(([message]) => String(message));
  let api: TestApp;
  let worker: TestApp | undefined;

  beforeAll(async () => {
    api = await startTestApp({ clock });
  });
  afterAll(async () => {
    warnings.mockRestore();
    await worker?.close();
    await api.close();
  });

  const ready = async () => (await api.http().get('/health/ready').expect(200)).body as { status: string; problems: string[]; warnings: string[] };

  it('says loudly at start that this API process runs no jobs, and that nobody runs them', async () => {
    expect(warned()).toEqual([expect.stringMatching(/^Scheduled jobs are OFF in this process \(RUN_JOBS=false, the default with DATABASE_URL\).*`npm run start:worker`.*NO process runs them now/)]);
  });

  it('is degraded, still answering 200, while no process has ever run the scheduler', async () => {
    expect(await ready()).toEqual({ status: 'degraded', problems: [expect.stringMatching(/^No process has ever run the scheduled jobs: start a worker/)], warnings: [] });
  });

  it('is ok once a process with RUN_JOBS beats, and degraded again 2 minutes after its last beat', async () => {
    worker = await startTestApp({ clock, sharingDatabaseOf: api, env: { RUN_JOBS: 'true' } });
    const [beat] = (await api.db.query(`SELECT host, pid, started_at AS "startedAt", beat_at AS "beatAt", jobs FROM scheduler_heartbeats`)) as {
      host: string;
      pid: number;
      startedAt: Date;
      beatAt: Date;
      jobs: { name: string; daily: boolean }[];
    }[];
    expect(beat).toMatchObject({ host: hostname(), pid: process.pid, startedAt: clock.now(), beatAt: clock.now() });
    expect(beat.jobs).toEqual(expect.arrayContaining([{ name: 'licence-renewal-reminders', daily: true }, { name: 'notification-delivery', daily: true }]));
    expect(await ready()).toEqual({ status: 'ok', problems: [], warnings: [] });

    clock.advance(119_000);
    expect((await ready()).status).toBe('ok');
    clock.advance(2_000);
    const stale = await ready();
    expect(stale.status).toBe('degraded');
    expect(stale.problems).toEqual([expect.stringMatching(new RegExp(`^No process has run the scheduled jobs since 2026-06-01T00:00:00.000Z \\(last: ${hostname()}, pid ${process.pid}\\)`))]);

    await worker.app.get(SchedulerHeartbeat).beat();
    expect(await ready()).toMatchObject({ status: 'ok', problems: [] });
  });

  it('names a later API process the scheduler that runs the jobs', async () => {
    warnings.mockClear();
    const other = await startTestApp({ clock, sharingDatabaseOf: api });
    await other.close();
    expect(warned()).toEqual([expect.stringMatching(new RegExp(`^Scheduled jobs are OFF.*running now: ${hostname()}, pid ${process.pid}`))]);
  });

  it('is degraded when a daily job has not succeeded in 26 hours, and ok again after it does', async () => {
    const heartbeat = worker!.app.get(SchedulerHeartbeat);
    // A new deployment is not degraded before its jobs were due: 25 hours in, nothing ran yet.
    clock.advance(25 * HOUR);
    await heartbeat.beat();
    expect(await ready()).toMatchObject({ status: 'ok', problems: [] });

    clock.advance(2 * HOUR);
    await heartbeat.beat();
    const neverRan = await ready();
    expect(neverRan.status).toBe('degraded');
    expect(neverRan.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^Daily job licence-renewal-reminders has never succeeded though jobs have been scheduled since 2026-06-01T00:00:00.000Z/)]));

    const runner = worker!.app.get(JobRunner);
    for (const job of worker!.app.get(JobRegistry).all()) expect(await runner.runJob(job.name)).toMatchObject({ status: 'succeeded' });
    const ranAt = clock.now().toISOString();
    expect(await ready()).toEqual({ status: 'ok', problems: [], warnings: [] });

    // A day and a bit later, every job but licence-expiry ran again; that one alone is named.
    clock.advance(26 * HOUR + MINUTE);
    await heartbeat.beat();
    for (const job of worker!.app.get(JobRegistry).all()) if (job.name !== 'licence-expiry') await runner.runJob(job.name);
    expect(await ready()).toEqual({ status: 'degraded', problems: [`Daily job licence-expiry has not succeeded since ${ranAt} (GET /api/admin/jobs shows its runs)`], warnings: [] });
  });
});
