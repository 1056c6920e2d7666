import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { JobRunner } from '@app/scheduler';
import { addDays, businessDateOf } from '@app/core';
import { seedWorld, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { appRoleUrl, asOwner, startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const LICENCES = 120;

/**
 * A worker killed with SIGKILL in the middle of the renewal reminder job: the next run (here, in
 * another process) marks the dead run abandoned and finishes the work, nothing lost or doubled.
 */
describe('a worker killed mid-job', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    // The test process runs with the real date, like the child worker.
    t = await startTestApp({ env: { REMINDER_BATCH_SIZE: '1' } });
    world = await seedWorld(t);
    const today = businessDateOf(new Date());
    for (let i = 0; i < LICENCES; i++) {
      await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, validFrom: addDays(today, -1000), expiresOn: addDays(today, 10 + (i % 50)) });
    }
    // Slow each batch down so the kill lands half-way.
    await asOwner(t, `CREATE FUNCTION slow_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.03); RETURN NEW; END $$`);
    await asOwner(t, `CREATE TRIGGER slow_reminders BEFORE INSERT ON licence_reminders FOR EACH ROW EXECUTE FUNCTION slow_down()`);
  });
  afterAll(() => t.close());

  const count = async (sql: string) => Number((await t.db.query(sql))[0].n);

  it('finishes on the next run with every reminder exactly once', async () => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support', 'run-job-child.ts'), 'licence-renewal-reminders'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: t.databaseUrl, DATABASE_APP_URL: appRoleUrl(t.databaseUrl), JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', REMINDER_BATCH_SIZE: '1', NODE_ENV: 'test', TS_NODE_TRANSPILE_ONLY: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let partial = 0;
    for (let i = 0; i < 600 && partial < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      partial = await count(`SELECT count(*) AS n FROM licence_reminders`);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(partial).toBeGreaterThanOrEqual(20);
    expect(partial).toBeLessThan(LICENCES);
    expect(await count(`SELECT count(*) AS n FROM job_runs WHERE status = 'running'`)).toBe(1);

    await asOwner(t, `DROP TRIGGER slow_reminders ON licence_reminders`);
    const rerun = await t.app.get(JobRunner).runJob('licence-renewal-reminders', 'test');
    expect(rerun).toMatchObject({ status: 'succeeded' });
    expect(await count(`SELECT count(*) AS n FROM job_runs WHERE status = 'abandoned'`)).toBe(1);
    // Every licence exactly one reminder (its latest due offset), and no notification twice.
    expect(await count(`SELECT count(DISTINCT licence_id) AS n FROM licence_reminders`)).toBe(LICENCES);
    expect(await count(`SELECT count(*) AS n FROM licence_reminders`)).toBe(LICENCES);
    const [{ total, distinct }] = await t.db.query(`SELECT count(*)::int AS total, count(DISTINCT dedup_key)::int AS distinct FROM notifications`);
    expect(total).toBe(distinct);
    // The agency user for each licence, and one digest for the Fujian bureau admin listing all of
    // them: the killed run's batches as well as the rerun's.
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'licence.renewal_reminder'`)).toBe(LICENCES);
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE kind = 'licence.renewal_digest'`)).toBe(1);
    expect(await count(`SELECT (payload->>'count')::int AS n FROM notifications WHERE kind = 'licence.renewal_digest'`)).toBe(LICENCES);
    expect(total).toBe(LICENCES + 1);
    const again = await t.app.get(JobRunner).runJob('licence-renewal-reminders', 'test');
    expect(again).toMatchObject({ status: 'succeeded' });
    expect(await count(`SELECT count(*) AS n FROM notifications`)).toBe(LICENCES + 1);
  });
});
