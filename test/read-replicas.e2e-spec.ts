import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { ReadReplicas } from '@app/database';
import { login, seedWorld, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { appRoleUrl, startTestApp, TestApp, withAdminClient } from './support/test-app';

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/**
 * Issue 28, item 3: DATABASE_REPLICA_URLS. The "replica" here is a second database on the test
 * server, a copy of the migrated schema without this test's rows: an answer that lacks a row the
 * primary has was read there, and pg_stat_activity names the connection that read it. (The
 * rehearsal, `npm run test:production`, runs a real streaming replica made by pg_basebackup.)
 */
describe('Read replicas: public and report reads routed, writers and failures on the primary', () => {
  let t: TestApp;
  let world: World;
  let replicaName: string;
  let replicaUrl: string;
  let licenceNumber: string;

  beforeAll(async () => {
    replicaName = `registry_test_replica_${randomBytes(4).toString('hex')}`;
    const template = process.env.REGISTRY_TEST_TEMPLATE as string;
    // The template exists once any test app has started; this one starts first on a throwaway database.
    const warmup = await startTestApp();
    await warmup.close();
    await withAdminClient((client) => client.query(`CREATE DATABASE ${replicaName} TEMPLATE ${template}`));
    const admin = new URL(process.env.REGISTRY_TEST_ADMIN_URL as string);
    admin.pathname = `/${replicaName}`;
    replicaUrl = admin.toString();
    t = await startTestApp({ env: { DATABASE_REPLICA_URLS: appRoleUrl(replicaUrl), REPLICA_CHECK_INTERVAL_SECONDS: '300', REPLICA_MAX_LAG_SECONDS: '1' } });
    world = await seedWorld(t);
    ({ licenceNumber } = await insertLicence(t, { agencyId: world.agencyId, bureauId: world.bureaus.fuzhou }));
  });

  afterAll(async () => {
    await t?.close();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`));
  });

  /** Readiness, with only the replicas' problems (no worker runs the jobs in this test). */
  const readiness = async () => {
    const { body } = (await t.http().get('/health/ready').expect(200)) as { body: { problems: string[] } };
    return body.problems.filter((problem) => problem.includes('replica'));
  };
  const metrics = async () => (await t.http().get('/metrics').expect(200)).text;
  const onReplica = async (sql: string): Promise<number> => {
    const client = new Client({ connectionString: replicaUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(sql, [replicaName]);
      return rows[0].n;
    } finally {
      await client.end();
    }
  };

  it('serves public verification from the replica: the replica lacks the new licence, and its connection read it', async () => {
    // The licence's insert NOTIFYed it: for REPLICA_MAX_LAG_SECONDS its look-ups read the primary (next test).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = sample(await metrics(), 'registry_db_routed_reads_total{pool="replica-1"}');
    await t.http().get(`/api/public/licences/${licenceNumber}`).expect(404);
    // A backend's `query` is the last it ran (its first track_activity_query_size bytes, so matched by its start):
    // the replica's checks are far apart here (REPLICA_CHECK_INTERVAL_SECONDS).
    const served = await onReplica(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'agency-registry-api-replica-read' AND query LIKE 'SELECT l.licence_number, l.status, %'`,
    );
    expect(served).toBe(1);
    await t.http().get('/api/public/agencies').expect(200, { items: [], nextCursor: null });
    await t.http().get('/api/public/sanctions').expect(200);
    expect(sample(await metrics(), 'registry_db_routed_reads_total{pool="replica-1"}')).toBe(before + 3);
    expect(sample(await metrics(), 'registry_db_replica_usable{replica="replica-1"}')).toBe(1);
    expect(sample(await metrics(), 'registry_db_replica_lag_seconds{replica="replica-1"}')).toBe(0);
    expect(await metrics()).toMatch(/registry_db_pool_connections\{pool="replica-1",state="idle"\} \d+/);
  });

  it('reads the primary for a licence whose change was just NOTIFYed (the replica may not have it yet)', async () => {
    await t.http().get(`/api/public/licences/${licenceNumber}`).expect(404);
    await t.db.query(`SELECT pg_notify('public_register_changes', $1)`, [licenceNumber]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answer = await t.http().get(`/api/public/licences/${licenceNumber}`).expect(200);
    expect(answer.body).toMatchObject({ licenceNumber, valid: true });
  });

  it("keeps an official's report reads on the primary right after their own write; another official reads the replica", async () => {
    const writer = `Bearer ${(await login(t, 'ministry')).accessToken}`;
    const reader = `Bearer ${(await login(t, 'fj-admin')).accessToken}`;
    const text = await metrics();
    const primaryBefore = sample(text, 'registry_db_routed_reads_total{pool="primary"}');
    const replicaBefore = sample(text, 'registry_db_routed_reads_total{pool="replica-1"}');
    await t.http().put('/api/fine-thresholds/350000').set('authorization', writer).send({ largeAmount: 5_000_000 }).expect(200);
    const mine = await t.http().get('/api/reports/overview').set('authorization', writer).expect(200);
    // The replica has no licences at all; the primary has the one inserted above.
    expect(mine.body.licencesByStatusAndProvince).toEqual([{ province: '350000', status: 'active', licences: 1 }]);
    await t.http().get('/api/complaints/trends').set('authorization', writer).expect(200);
    const theirs = await t.http().get('/api/reports/overview').set('authorization', reader).expect(200);
    expect(theirs.body.licencesByStatusAndProvince).toEqual([]);
    const after = await metrics();
    expect(sample(after, 'registry_db_routed_reads_total{pool="primary"}')).toBe(primaryBefore + 2);
    expect(sample(after, 'registry_db_routed_reads_total{pool="replica-1"}')).toBe(replicaBefore + 1);
  });

  it('falls back to the primary when the replica stops answering, says degraded, and returns to it when it is back', async () => {
    expect(await readiness()).toEqual([]);
    await withAdminClient(async (client) => {
      await client.query(`ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS false`);
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [replicaName]);
    });
    // Before the next check notices: the read that fails on the replica is answered by the primary.
    const answer = await t.http().get(`/api/public/licences/${licenceNumber}`).expect(200);
    expect(answer.body).toMatchObject({ licenceNumber });
    await t.app.get(ReadReplicas).check();
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('degraded');
    expect(await readiness()).toEqual([expect.stringMatching(/^Database replica-1 is not read \(does not answer: .*\): the primary serves its reads$/)]);
    expect(sample(await metrics(), 'registry_db_replica_usable{replica="replica-1"}')).toBe(0);
    await t.http().get('/api/public/agencies').expect(200).expect((r) => expect(r.body.items).toHaveLength(1));

    await withAdminClient((client) => client.query(`ALTER DATABASE ${replicaName} ALLOW_CONNECTIONS true`));
    await t.app.get(ReadReplicas).check();
    expect(await readiness()).toEqual([]);
    await t.http().get('/api/public/agencies').expect(200, { items: [], nextCursor: null });
  });
});
