import { Client } from 'pg';
import { embeddedDatabaseUrl, embeddedSuperuserPassword } from '@app/database';
import { BuiltAppProcess, buildIfNeeded, freePort, startBuiltApp } from './support/built-app-process';

const EVERY_SECOND = '* * * * * *';

interface RunRow {
  jobName: string;
  triggeredBy: string;
  status: string;
}

/** The embedded database of a started process (its superuser password generated into its DATA_DIR). */
async function scheduledRuns(pgPort: number, dataDir: string): Promise<RunRow[]> {
  const client = new Client({ connectionString: embeddedDatabaseUrl(pgPort, 'agency_registry', embeddedSuperuserPassword(dataDir)) });
  await client.connect();
  try {
    const { rows } = await client.query<RunRow>(`SELECT job_name AS "jobName", triggered_by AS "triggeredBy", status FROM job_runs ORDER BY id`);
    return rows;
  } finally {
    await client.end();
  }
}

async function untilScheduledRun(pgPort: number, dataDir: string, jobName: string, timeoutMs: number): Promise<RunRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await scheduledRuns(pgPort, dataDir);
    if (runs.some((run) => run.jobName === jobName && run.status === 'succeeded') || Date.now() > deadline) return runs;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * `npm start` (and `npm run start:worker`) as a user runs them: the built entry point in a process
 * of its own, on its embedded PostgreSQL. Only the cron of one job is moved (JOB_CRON_OVERRIDES,
 * a test and operations setting) so that the schedule fires within seconds; nothing calls runJob
 * or POST /admin/jobs, so a recorded run can only come from the schedule.
 */
describe('scheduled jobs in the built app, started as npm start starts it', () => {
  let started: BuiltAppProcess | undefined;

  beforeAll(() => buildIfNeeded(), 240_000);
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });

  it('the API on its embedded database runs the jobs on their schedule and says so at start', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    started = startBuiltApp('dist/apps/api/src/main.js', {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_SEED: 'false',
      JOB_CRON_OVERRIDES: `notification-delivery=${EVERY_SECOND}`,
    });
    await started.waitForOutput(/Agency Registry API ready/, 90_000);
    // One line per job, with its cron and time zone; the defaults are unchanged.
    expect(started.output()).toMatch(/Scheduled job notification-delivery: '\* \* \* \* \* \*' \(JOB_CRON_OVERRIDES\) in Asia\/Shanghai/);
    expect(started.output()).toMatch(/Scheduled job licence-renewal-reminders: '0 8 \* \* \*' in Asia\/Shanghai/);
    expect(started.output()).toMatch(/Scheduled job complaint-sla: '[^']+' in Asia\/Shanghai/);

    const runs = await untilScheduledRun(pgPort, started.dataDir, 'notification-delivery', 20_000);
    expect(runs).toEqual(expect.arrayContaining([{ jobName: 'notification-delivery', triggeredBy: 'schedule', status: 'succeeded' }]));
    expect(runs.every((run) => run.triggeredBy === 'schedule')).toBe(true);
    expect(await started.stop()).toBe(0);
  }, 150_000);

  it('the worker on its embedded database runs the jobs on their schedule', async () => {
    const pgPort = await freePort();
    started = startBuiltApp('dist/apps/worker/src/main.js', {
      EMBEDDED_PG_PORT: String(pgPort),
      JOB_CRON_OVERRIDES: `notification-delivery=${EVERY_SECOND}`,
    });
    await started.waitForOutput(/worker running its scheduled jobs/, 90_000);
    expect(started.output()).toMatch(/Scheduled job notification-delivery: '\* \* \* \* \* \*' \(JOB_CRON_OVERRIDES\) in Asia\/Shanghai/);

    const runs = await untilScheduledRun(pgPort, started.dataDir, 'notification-delivery', 20_000);
    expect(runs).toEqual(expect.arrayContaining([{ jobName: 'notification-delivery', triggeredBy: 'schedule', status: 'succeeded' }]));
    expect(await started.stop()).toBe(0);
  }, 150_000);
});
