/**
 * The renewal reminder job over 200,000 licences: `npm run bench:reminders`.
 *
 * A fresh database (on TEST_DATABASE_URL when set, else a throwaway embedded PostgreSQL, as the
 * e2e tests do) gets 20,000 agencies with one user each and 200,000 licences, written set-based
 * with generate_series. By default the worst case: every licence expires within the 90-day window,
 * so the first run writes 200,000 reminders, 200,000 notifications (the agency users) and one
 * digest per issuing bureau's admin. BENCH_SPREAD_DAYS=1826 spreads expiries over five years (a
 * real register).
 * Then the same day again (nothing new: the daily cost of an idempotent rerun) and the next day.
 */
import { performance } from 'node:perf_hooks';
import { addDays, SettableClock } from '@app/core';
import { JobRunner, JobRunRecord } from '@app/scheduler';
import { seedWorld } from '../test/support/fixtures';
import { startTestApp } from '../test/support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const globalSetup = require('../test/support/global-setup.js') as () => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const globalTeardown = require('../test/support/global-teardown.js') as () => Promise<void>;

const LICENCES = Number(process.env.BENCH_LICENCES ?? 200_000);
const AGENCIES = Math.ceil(LICENCES / 10);
/** Expiry dates spread over this many days from today: 91 puts every licence in the reminder window (the worst case). */
const SPREAD_DAYS = Number(process.env.BENCH_SPREAD_DAYS ?? 91);
const TODAY = '2026-03-02';

async function main(): Promise<void> {
  await globalSetup();
  const clock = new SettableClock(`${TODAY}T01:00:00Z`);
  const t = await startTestApp({ clock, env: { DB_STATEMENT_TIMEOUT_MS: '600000', DB_POOL_SIZE: '4' } });
  try {
    const world = await seedWorld(t);
    const bureaus = [world.bureaus.fujian, world.bureaus.fuzhou, world.bureaus.xiamen];
    let started = performance.now();
    await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, legal_representative, address, jurisdiction_code, agency_type)
       SELECT 'Y9' || lpad(i::text, 16, '0'), '基准测试机构' || i, '张三', '某路1号', CASE WHEN i % 2 = 0 THEN '350100' ELSE '350200' END, 'overseas_placement'
         FROM generate_series(1, $1) i`,
      [AGENCIES],
    );
    await t.db.query(
      `INSERT INTO users (username, display_name, password_hash, role, agency_id)
       SELECT 'bench-' || ltrim(substr(a.uscc, 3), '0'), a.name_zh, 'x', 'agency_user', a.id FROM agencies a WHERE a.uscc LIKE 'Y9%'`,
    );
    await t.db.query(
      `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, issued_by_bureau_id, status, valid_from, expires_on)
       SELECT 'BENCH-' || lpad(i::text, 7, '0'), a.id, a.jurisdiction_code, 'overseas_employment', ($2::uuid[])[1 + i % 3],
              'active', DATE '2021-06-01', $3::date + (i % $5)
         FROM generate_series(1, $1) i
         JOIN agencies a ON a.uscc = 'Y9' || lpad((1 + i % $4)::text, 16, '0')`,
      [LICENCES, bureaus, TODAY, AGENCIES, SPREAD_DAYS],
    );
    await t.db.query(`ANALYZE`);
    console.log(`seeded ${AGENCIES} agencies, ${AGENCIES} agency users and ${LICENCES} licences in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const runner = t.app.get(JobRunner);
    const timed = async (label: string) => {
      started = performance.now();
      const run = (await runner.runJob('licence-renewal-reminders')) as JobRunRecord;
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 'succeeded') throw new Error(`${label}: ${JSON.stringify(run)}`);
      console.log(`${label}: ${seconds.toFixed(2)} s ${JSON.stringify(run.counts)}`);
    };
    await timed(`first run over ${LICENCES} licences expiring within ${SPREAD_DAYS} days`);
    await timed('same day again (idempotent, nothing new)');
    clock.set(`${addDays(TODAY, 1)}T01:00:00Z`);
    await timed('next day');
  } finally {
    await t.close();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
