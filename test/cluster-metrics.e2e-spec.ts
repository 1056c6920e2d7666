import { request as httpRequest } from 'node:http';
import { BuiltAppProcess, buildIfNeeded, freePort, startBuiltApp } from './support/built-app-process';
import { seedWorld } from './support/fixtures';
import { appRoleUrl, asOwner, startTestApp, TEST_DATA_KEY, TEST_JWT_SECRET, TestApp } from './support/test-app';

const REQUESTS = 24;
const SERIES = 'registry_http_request_duration_seconds_count{route="/api/public/licences/:number",method="GET",status="404"}';

/** The value of one series in a Prometheus text exposition, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * A GET on a connection of its own (no keep-alive), so that node:cluster hands each request to the
 * next API process in turn rather than all of them to the one holding a pooled connection.
 */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Issue 28, item 4: under `start:cluster` /metrics shows the whole cluster, not the API process
 * that happened to accept the scrape. The built cluster.js runs two API processes on a test
 * database, as `npm run start:cluster` runs them.
 */
describe('/metrics under start:cluster', () => {
  let t: TestApp;
  let cluster: BuiltAppProcess | undefined;

  beforeAll(async () => {
    buildIfNeeded();
    t = await startTestApp();
    await seedWorld(t);
    // One email waiting: each process reads the same row, and the cluster still has one.
    await asOwner(t, `INSERT INTO notifications (kind, recipient_user_id, dedup_key, channel, status) SELECT 'test', id, 'cluster-metrics-test', 'email', 'pending' FROM users LIMIT 1`);
  }, 300_000);
  afterAll(async () => {
    await cluster?.stop();
    await t.close();
  });

  it('adds up the requests every API process served, whichever process answers the scrape', async () => {
    const port = await freePort();
    cluster = startBuiltApp('dist/apps/api/src/cluster.js', {
      NODE_ENV: 'test',
      API_PROCESSES: '2',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: t.databaseUrl,
      DATABASE_APP_URL: appRoleUrl(t.databaseUrl),
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
      DEMO_SEED: 'false',
      RUN_JOBS: 'false',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
    });
    await cluster.waitForOutput(/Agency Registry API ready[\s\S]*Agency Registry API ready/, 120_000);
    const base = `http://127.0.0.1:${port}`;

    for (let i = 0; i < REQUESTS; i++) expect((await get(`${base}/api/public/licences/350000-2026-${String(900_000 + i)}`)).status).toBe(404);
    // Both processes served some of them (pino's lines carry each process's pid).
    const pids = new Set(
      cluster
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"request completed"') && line.includes('/api/public/licences/'))
        .map((line) => (JSON.parse(line) as { pid: number }).pid),
    );
    expect(pids.size).toBe(2);

    // Each scrape lands on either process: every one of them counts all the requests.
    const scrapes = [];
    for (let i = 0; i < 6; i++) scrapes.push(await get(`${base}/metrics`));
    for (const scrape of scrapes) {
      expect(scrape.status).toBe(200);
      expect(sample(scrape.body, SERIES)).toBe(REQUESTS);
      // The primary's own figures, and each metric once however many processes report it.
      expect(sample(scrape.body, 'registry_api_processes')).toBe(2);
      expect(sample(scrape.body, 'registry_api_process_restarts_total')).toBe(0);
      expect(scrape.body.match(/^# TYPE registry_http_request_duration_seconds histogram$/gm)).toHaveLength(1);
    }
    // What every process reads alike from the database is not doubled; the pools' connections are
    // the two processes' together.
    const text = scrapes[0].body;
    expect(sample(text, 'registry_notification_outbox_pending')).toBe(1);
    expect(sample(text, 'registry_db_pool_connections{pool="primary",state="idle"}')).toEqual(expect.any(Number));
  }, 240_000);
});
