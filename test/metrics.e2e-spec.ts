import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Metrics, SettableClock, startMetricsServer } from '@app/core';
import { JobRegistry, JobRunner, SchedulerHeartbeat } from '@app/scheduler';
import { expectProblem, seedWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const TOKEN = 'metrics-token-for-the-e2e-test';
/** Production refuses to start unless TLS ends at a trusted proxy in front of it. */
const BEHIND_TLS_PROXY = { PUBLIC_BASE_URL: 'https://registry.example.cn', TRUST_PROXY: 'true' };

/** The value of one series in a Prometheus text exposition, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Issue 28, item 4: /metrics in Prometheus text, who may read it, and what it tells. */
describe('GET /metrics', () => {
  const clock = new SettableClock('2026-06-01T00:00:00Z');
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } });
    world = await seedWorld(t);
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const answer = await t.http().get('/metrics').expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return answer.text;
  };

  it('is open outside production without METRICS_TOKEN, with request durations by route pattern and status', async () => {
    await t.http().get(`/api/agencies/${world.agencyId}`).expect(401);
    await t.http().get('/api/public/licences/NO-SUCH-LICENCE').expect(404);
    const text = await scrape();
    expect(sample(text, 'registry_http_request_duration_seconds_count{route="/api/agencies/:id",method="GET",status="401"}')).toBe(1);
    expect(sample(text, 'registry_http_request_duration_seconds_count{route="/api/public/licences/:number",method="GET",status="404"}')).toBe(1);
    // Never the raw URL: an id would make a series per record.
    expect(text).not.toContain(world.agencyId);
    expect(text).toMatch(/^registry_process_resident_memory_bytes \d+/m);
  });

  it('counts 429s by the limit refused', async () => {
    for (let i = 0; i < 3; i++) await t.http().get('/api/public/agencies').expect(200);
    await t.http().get('/api/public/agencies').expect(429);
    await t.http().get('/api/public/agencies').expect(429);
    expect(sample(await scrape(), 'registry_rate_limited_requests_total{limit="public"}')).toBe(2);
  });

  it("shows the primary pool's connections", async () => {
    const text = await scrape();
    const connections = ['in_use', 'idle', 'waiting'].map((state) => sample(text, `registry_db_pool_connections{pool="primary",state="${state}"}`) as number);
    for (const count of connections) expect(count).toEqual(expect.any(Number));
    // The scrape's own reads hold connections while the pool is read; at most DB_POOL_SIZE (5 here) are open.
    expect(connections[0] + connections[1]).toBeLessThanOrEqual(5);
  });

  it("shows each job's last success, last duration and failures since, and the scheduler's heartbeat", async () => {
    const registry = t.app.get(JobRegistry);
    registry.register({ name: 'test-failing', cron: '0 3 * * *', description: { en: 'fails', zh: '失败' }, run: () => Promise.reject(new Error('no')) });
    const runner = t.app.get(JobRunner);
    expect(await runner.runJob('licence-expiry')).toMatchObject({ status: 'succeeded' });
    await runner.runJob('test-failing');
    await runner.runJob('test-failing');
    await t.app.get(SchedulerHeartbeat).beat();
    const text = await scrape();
    expect(sample(text, 'registry_job_last_success_timestamp_seconds{job="licence-expiry"}')).toBe(clock.now().getTime() / 1000);
    expect(sample(text, 'registry_job_last_duration_seconds{job="licence-expiry"}')).toBe(0); // the test clock stands still
    expect(sample(text, 'registry_job_failures_since_success{job="licence-expiry"}')).toBe(0);
    expect(sample(text, 'registry_job_failures_since_success{job="test-failing"}')).toBe(2);
    expect(text).not.toMatch(/registry_job_last_success_timestamp_seconds\{job="test-failing"\}/);
    expect(sample(text, 'registry_scheduler_last_heartbeat_timestamp_seconds')).toBe(clock.now().getTime() / 1000);
  });

  it('shows the email outbox backlog', async () => {
    expect(sample(await scrape(), 'registry_notification_outbox_pending')).toBe(0);
    await t.db.query(
      `INSERT INTO notifications (kind, recipient_user_id, dedup_key, channel, status, next_attempt_at, created_at)
       VALUES ('test', $1, 'metrics-1', 'email', 'pending', now(), now() - interval '10 minutes'),
              ('test', $1, 'metrics-2', 'email', 'pending', now(), now()),
              ('test', $1, 'metrics-3', 'inbox', 'sent', NULL, now())`,
      [world.users['fj-admin']],
    );
    const text = await scrape();
    expect(sample(text, 'registry_notification_outbox_pending')).toBe(2);
    expect(sample(text, 'registry_notification_outbox_oldest_seconds')).toBeGreaterThanOrEqual(600);
  });

  it('in production: absent without METRICS_TOKEN, and only to the bearer of it with one', async () => {
    const production = await startTestApp({ sharingDatabaseOf: t, env: { NODE_ENV: 'production', ...BEHIND_TLS_PROXY } });
    try {
      expectProblem((await production.http().get('/metrics').expect(404)).body, 404);
    } finally {
      await production.close();
    }
    const guarded = await startTestApp({ sharingDatabaseOf: t, env: { NODE_ENV: 'production', ...BEHIND_TLS_PROXY, METRICS_TOKEN: TOKEN } });
    try {
      expectProblem((await guarded.http().get('/metrics').expect(401)).body, 401);
      await guarded.http().get('/metrics').set('authorization', 'Bearer not-the-token-at-all-no').expect(401);
      const answer = await guarded.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
      expect(answer.text).toMatch(/^registry_notification_outbox_pending 2$/m);
    } finally {
      await guarded.close();
    }
  });

  it('serves the same metrics on a port of its own (METRICS_PORT, WORKER_METRICS_PORT), with the token when set', async () => {
    const server: Server = await startMetricsServer(t.app.get(Metrics), { port: 0, host: '127.0.0.1', token: TOKEN });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const answer = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toMatch(/^registry_job_failures_since_success\{job="test-failing"\} 2$/m);
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      server.close();
    }
  });
});
