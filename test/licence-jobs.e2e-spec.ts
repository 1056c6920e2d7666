import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, SettableClock, validateEnvironment } from '@app/core';
import { LicenceRenewalRemindersJob } from '@app/licensing';
import { JobRunner, JobRunRecord } from '@app/scheduler';
import { login, seedWorld, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { asOwner, startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';
import { createApi } from '../apps/api/src/http-app';

/** 09:00 in Shanghai on a calendar date, the day after the 08:00 run would have happened. */
const morningOf = (date: string) => `${date}T01:00:00Z`;

interface ReminderRow {
  licenceId: string;
  term: number;
  offsetDays: number;
  sentOn: string;
}

describe('licence jobs: renewal reminders and expiry', () => {
  let t: TestApp;
  let world: World;
  let runner: JobRunner;
  const clock = new SettableClock(morningOf('2026-01-01'));

  beforeAll(async () => {
    // Batches of two licences, so that a run spans several transactions (the fault test needs it).
    t = await startTestApp({ clock, env: { REMINDER_BATCH_SIZE: '2' } });
    world = await seedWorld(t);
    runner = t.app.get(JobRunner);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.db.query(`DELETE FROM notifications`);
    await t.db.query(`DELETE FROM licence_reminders`);
    await t.db.query(`DELETE FROM licence_reminder_digest_queue`);
    await t.db.query(`UPDATE licences SET status = 'revoked' WHERE status = 'active'`);
  });

  const reminders = async (licenceId: string): Promise<ReminderRow[]> =>
    (await t.db.query(
      `SELECT licence_id AS "licenceId", term, offset_days AS "offsetDays", to_char(sent_on, 'YYYY-MM-DD') AS "sentOn"
         FROM licence_reminders WHERE licence_id = $1 ORDER BY term, offset_days DESC`,
      [licenceId],
    )) as ReminderRow[];

  const notificationCount = async (kind: string, licenceId?: string): Promise<number> => {
    const [{ count }] = (await t.db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE kind = $1 AND ($2::text IS NULL OR payload->>'licenceId' = $2)`,
      [kind, licenceId ?? null],
    )) as { count: number }[];
    return count;
  };

  /** The bureau digests (kind licence.renewal_digest) that list a licence. */
  const digestsListing = async (licenceId: string): Promise<number> => {
    const [{ count }] = (await t.db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE kind = 'licence.renewal_digest' AND payload->'licences' @> jsonb_build_array(jsonb_build_object('licenceId', $1::text))`,
      [licenceId],
    )) as { count: number }[];
    return count;
  };

  const digests = async (): Promise<{ username: string; payload: { count: number; licences: { licenceId: string; daysLeft: number }[] } }[]> =>
    (await t.db.query(
      `SELECT u.username, n.payload FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.kind = 'licence.renewal_digest' ORDER BY n.created_at, n.id`,
    )) as { username: string; payload: { count: number; licences: { licenceId: string; daysLeft: number }[] } }[];

  const runOn = async (date: string, job = 'licence-renewal-reminders'): Promise<JobRunRecord> => {
    clock.set(morningOf(date));
    const run = await runner.runJob(job);
    if (run.status !== 'succeeded') throw new Error(`${job} on ${date}: ${JSON.stringify(run)}`);
    return run as JobRunRecord;
  };

  /** A renewal filed and approved through the API, at the clock's current time: a new term and expiresOn + 5 years. */
  const renewThroughApi = async (licenceId: string) => {
    const authorization = `Bearer ${(await login(t, 'fj-admin')).accessToken}`;
    const application = await t.http().post('/api/licence-applications').set('authorization', authorization).send({ agencyId: world.agencies.fuzhou, kind: 'renewal', licenceId }).expect(201);
    await t.http().post(`/api/licence-applications/${application.body.id}/decision`).set('authorization', authorization).send({ decision: 'approve' }).expect(200);
  };

  // The agency user of the Fuzhou agency and the admin of the issuing Fujian bureau.
  const fujianLicence = (expiresOn: string, status: 'active' | 'suspended' = 'active') =>
    insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, status, validFrom: '2021-01-01', expiresOn });

  it('sends each offset exactly once over a simulated year of daily runs, none when suspended, a new term after renewal', async () => {
    const plain = await fujianLicence('2026-06-30');
    const early = await fujianLicence('2026-02-15'); // inside the window already on day one
    const suspended = await fujianLicence('2026-05-01', 'suspended');
    const renewed = await fujianLicence('2026-04-30');
    for (let day = 0, date = '2026-01-01'; day < 365; day += 1, date = addDays(date, 1)) {
      await runOn(date);
      // Renewed after the 30-day reminder: expiresOn moves on five years and a new term starts.
      if (date === '2026-04-15') await renewThroughApi(renewed.id);
    }
    expect(await reminders(plain.id)).toEqual(
      [90, 60, 30, 7, 1].map((offset) => ({ licenceId: plain.id, term: 1, offsetDays: offset, sentOn: addDays('2026-06-30', -offset) })),
    );
    // 46 days left on the first day: the 60-day reminder is the latest due, 90 is never sent late.
    expect((await reminders(early.id)).map((r) => [r.offsetDays, r.sentOn])).toEqual([
      [60, '2026-01-01'],
      [30, '2026-01-16'],
      [7, '2026-02-08'],
      [1, '2026-02-14'],
    ]);
    expect(await reminders(suspended.id)).toEqual([]);
    expect((await reminders(renewed.id)).map((r) => [r.term, r.offsetDays])).toEqual([
      [1, 90],
      [1, 60],
      [1, 30],
    ]);
    // A reminder goes to the agency's user alone; the issuing bureau's admin reads it in the run's digest.
    expect(await notificationCount('licence.renewal_reminder', plain.id)).toBe(5);
    expect(await digestsListing(plain.id)).toBe(5);
    const recipients = (await t.db.query(
      `SELECT DISTINCT u.username FROM notifications n JOIN users u ON u.id = n.recipient_user_id WHERE n.payload->>'licenceId' = $1 ORDER BY 1`,
      [plain.id],
    )) as { username: string }[];
    expect(recipients.map((r) => r.username)).toEqual(['agency-fj-1']);
    expect(new Set((await digests()).map((d) => d.username))).toEqual(new Set(['fj-admin']));
    const [payload] = (await t.db.query(`SELECT payload FROM notifications WHERE payload->>'licenceId' = $1 AND payload->>'offsetDays' = '7' LIMIT 1`, [plain.id])) as {
      payload: Record<string, unknown>;
    }[];
    expect(payload.payload).toMatchObject({ licenceNumber: plain.licenceNumber, expiresOn: '2026-06-30', offsetDays: 7, daysLeft: 7, term: 1 });
  }, 180_000);

  it('sends only the latest offset due after a missed week, never a burst of old ones', async () => {
    const licence = await fujianLicence('2026-03-01');
    // The job did not run until five days before expiry: 90, 60, 30 and 7 have all passed.
    const first = await runOn('2026-02-24');
    expect(first.counts).toMatchObject({ reminders: 1 });
    expect((await reminders(licence.id)).map((r) => r.offsetDays)).toEqual([7]);
    // It misses days again; the next run sends the 1-day reminder, once.
    await runOn('2026-02-28');
    await runOn('2026-02-28');
    expect((await reminders(licence.id)).map((r) => r.offsetDays)).toEqual([7, 1]);
    expect(await notificationCount('licence.renewal_reminder', licence.id)).toBe(2);
    expect(await digestsListing(licence.id)).toBe(2);
  });

  it('gives no duplicate when run twice, in two app instances at once, or with the lock bypassed', async () => {
    const licences = await Promise.all(['2026-03-20', '2026-03-25', '2026-04-01'].map((d) => fujianLicence(d)));
    const first = await runOn('2026-01-10');
    expect(first.counts).toMatchObject({ reminders: 3, notifications: 3, digests: 1 });
    // One digest for the bureau's admin listing the three, soonest first.
    const [digest] = await digests();
    expect(digest.username).toBe('fj-admin');
    expect(digest.payload.count).toBe(3);
    expect(digest.payload.licences.map((l) => [l.licenceId, l.daysLeft])).toEqual([
      [licences[0].id, 69],
      [licences[1].id, 74],
      [licences[2].id, 81],
    ]);
    const second = await runOn('2026-01-10');
    expect(second.counts).toMatchObject({ reminders: 0, notifications: 0, digests: 0 });
    expect(await digests()).toHaveLength(1);

    // A second app instance on the same database: its own connection pool, as another worker process.
    const overrides = {
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'false',
      RUN_JOBS: 'false',
      DB_POOL_SIZE: '3',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-test-data-')),
      REMINDER_BATCH_SIZE: '2',
    };
    const other: NestFastifyApplication = await createApi({ env: validateEnvironment({ ...process.env, ...overrides }), clock, plainLogger: true });
    await other.init();
    try {
      clock.set(morningOf('2026-02-25'));
      const concurrent = await Promise.all([runner.runJob('licence-renewal-reminders'), other.get(JobRunner).runJob('licence-renewal-reminders')]);
      expect(concurrent.every((r) => r.status === 'succeeded' || r.status === 'skipped')).toBe(true);

      // Even two runs that both got past the lock write each reminder once: the unique keys
      // decide, not the lock.
      const runIds = (await t.db.query(
        `INSERT INTO job_runs (job_name, status, triggered_by, started_at, finished_at) VALUES ('test', 'succeeded', 'test', now(), now()), ('test', 'succeeded', 'test', now(), now()) RETURNING id::text AS id`,
      )) as { id: string }[];
      clock.set(morningOf('2026-03-19'));
      const jobs = [t.app.get(LicenceRenewalRemindersJob), other.get(LicenceRenewalRemindersJob)];
      const results = await Promise.all(jobs.map((job, i) => job.run({ runId: runIds[i].id, startedAt: clock.now(), today: '2026-03-19' })));
      expect(results.reduce((sum, r) => sum + r.reminders, 0)).toBe(3);
    } finally {
      await other.close();
    }

    for (const licence of licences) {
      const rows = await reminders(licence.id);
      expect(new Set(rows.map((r) => r.offsetDays)).size).toBe(rows.length);
      expect(await notificationCount('licence.renewal_reminder', licence.id)).toBe(rows.length);
      // Listed in exactly one digest per reminder, whichever run or instance sent it.
      expect(await digestsListing(licence.id)).toBe(rows.length);
    }
    const [{ duplicates }] = (await t.db.query(
      `SELECT count(*)::int AS duplicates FROM (SELECT recipient_user_id, payload->>'licenceId', payload->>'offsetDays' FROM notifications WHERE kind = 'licence.renewal_reminder' GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
    )) as { duplicates: number }[];
    expect(duplicates).toBe(0);
    const [{ queued }] = (await t.db.query(`SELECT count(*)::int AS queued FROM licence_reminder_digest_queue`)) as { queued: number }[];
    expect(queued).toBe(0);
  });

  it('finishes on the next run, losing and doubling nothing, after failing half-way', async () => {
    const licences = await Promise.all(['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05'].map((d) => fujianLicence(d)));
    // The fault: writing the outbox fails for the third licence to expire, i.e. in the second batch.
    await asOwner(t, `
      CREATE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'licenceId' = '${licences[2].id}' THEN RAISE EXCEPTION 'injected fault: mail server table on fire'; END IF;
        RETURN NEW;
      END $$`);
    await asOwner(t, `CREATE TRIGGER test_fail_outbox BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`);
    try {
      clock.set(morningOf('2026-01-20'));
      const failed = await runner.runJob('licence-renewal-reminders');
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('injected fault') });
      // The first batch committed, with its notifications; nothing of the failed batch remains, and
      // the failed run sent no digest (its batch waits in the queue for the next run's).
      const [{ marked }] = (await t.db.query(`SELECT count(*)::int AS marked FROM licence_reminders`)) as { marked: number }[];
      expect(marked).toBe(2);
      expect(await notificationCount('licence.renewal_reminder')).toBe(2);
      expect(await digests()).toEqual([]);
    } finally {
      await asOwner(t, `DROP TRIGGER test_fail_outbox ON notifications`);
      await asOwner(t, `DROP FUNCTION test_fail_outbox()`);
    }
    const rerun = await runOn('2026-01-20');
    expect(rerun.counts).toMatchObject({ reminders: 3, notifications: 3, digests: 1 });
    // The rerun's digest lists the failed run's two licences with its own three, each once.
    const [digest] = await digests();
    expect(digest.payload.count).toBe(5);
    expect(digest.payload.licences.map((l) => l.licenceId)).toEqual(licences.map((l) => l.id));
    for (const licence of licences) {
      expect((await reminders(licence.id)).map((r) => r.offsetDays)).toEqual([30]);
      expect(await notificationCount('licence.renewal_reminder', licence.id)).toBe(1);
    }
    expect((await runOn('2026-01-20')).counts).toMatchObject({ reminders: 0, digests: 0 });
    expect(await digests()).toHaveLength(1);
  });

  it('expires an unrenewed licence, not a renewed one, with events and notifications, once', async () => {
    const unrenewed = await fujianLicence('2026-01-31');
    const renewed = await fujianLicence('2026-01-31');
    clock.set(morningOf('2026-01-20'));
    await renewThroughApi(renewed.id);
    // On its last day of validity a licence is still valid.
    expect((await runOn('2026-01-31', 'licence-expiry')).counts).toMatchObject({ expired: 0 });
    const run = await runOn('2026-02-01', 'licence-expiry');
    expect(run.counts).toMatchObject({ expired: 1, notifications: 2 });
    const statuses = (await t.db.query(`SELECT id, status FROM licences WHERE id IN ($1, $2)`, [unrenewed.id, renewed.id])) as { id: string; status: string }[];
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [unrenewed.id]: 'expired', [renewed.id]: 'active' });
    const events = (await t.db.query(`SELECT kind, actor_username FROM licence_events WHERE licence_id = $1`, [unrenewed.id])) as { kind: string }[];
    expect(events).toEqual([{ kind: 'expired', actor_username: 'system' }]);
    expect(await notificationCount('licence.expired', unrenewed.id)).toBe(2);
    expect(await notificationCount('licence.expired', renewed.id)).toBe(0);
    const [audit] = (await t.db.query(`SELECT actor_username, request_id FROM audit_events WHERE action = 'licence.expire' ORDER BY seq DESC LIMIT 1`)) as {
      actor_username: string;
      request_id: string;
    }[];
    expect(audit.actor_username).toBe('system');
    expect(audit.request_id).toBe(`job-licence-expiry-${run.id}`);
    // A rerun finds nothing left to do.
    expect((await runOn('2026-02-01', 'licence-expiry')).counts).toMatchObject({ expired: 0, notifications: 0 });
    expect(await notificationCount('licence.expired', unrenewed.id)).toBe(2);
  });
});
