import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { validateEnvironment } from '@app/core';
import { createApi } from '../apps/api/src/http-app';
import { expectProblem, login, PASSWORD, seedWorld } from './support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

/** The machine's Redis (CI has one at 127.0.0.1:6379); these tests fail, not skip, without it. */
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const UNKNOWN_LICENCE = '/api/public/licences/350000-2026-999999';

/** A key prefix of its own, so runs and test files sharing the Redis never count together. */
const uniquePrefix = () => `registry-test:${randomBytes(6).toString('hex')}:`;

/** A second API process on the same database, as a second copy behind a load balancer would be. */
async function secondApi(t: TestApp, env: Record<string, string>): Promise<{ http: () => request.Agent; close(): Promise<void> }> {
  const overrides = {
    NODE_ENV: 'test',
    DATABASE_URL: t.databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    RUN_JOBS: 'false',
    DB_POOL_SIZE: '3',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-test-data-')),
    ...env,
  };
  const app: NestFastifyApplication = await createApi({ env: validateEnvironment({ ...process.env, ...overrides }), plainLogger: true });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { http: () => request.agent(app.getHttpServer()), close: () => app.close() };
}

const wrongLogin = (http: () => request.Agent) => http().post('/api/auth/login').send({ username: 'fz-admin', password: 'wrong-password!' });

describe('rate limits, counters in memory', () => {
  let t: TestApp;
  let bearer: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3', RATE_LIMIT_DEFAULT_PER_MINUTE: '5' } });
    await seedWorld(t);
    bearer = `Bearer ${(await login(t, 'fz-admin')).accessToken}`;
  });
  afterAll(() => t.close());

  it('refuses a public route past its budget with a 429 problem and Retry-After', async () => {
    for (let i = 0; i < 3; i++) await t.http().get(UNKNOWN_LICENCE).expect(404);
    const refused = await t.http().get(UNKNOWN_LICENCE).expect(429);
    expectProblem(refused.body, 429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts a signed-in route on the default budget, apart from the public one', async () => {
    for (let i = 0; i < 5; i++) await t.http().get('/api/me').set('authorization', bearer).expect(200);
    const refused = await t.http().get('/api/me').set('authorization', bearer).expect(429);
    expectProblem(refused.body, 429);
    // Health probes are never limited.
    for (let i = 0; i < 10; i++) await t.http().get('/health').expect(200);
  });
});

describe('rate limits, counters in Redis shared by two API processes', () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof secondApi>>;

  beforeAll(async () => {
    const env = { REDIS_URL, RATE_LIMIT_KEY_PREFIX: uniquePrefix(), RATE_LIMIT_PUBLIC_PER_MINUTE: '6', RATE_LIMIT_LOGIN_PER_MINUTE: '4' };
    t = await startTestApp({ env });
    await seedWorld(t);
    other = await secondApi(t, env);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('holds the public budget across both processes', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http().get(UNKNOWN_LICENCE).expect(404);
      await other.http().get(UNKNOWN_LICENCE).expect(404);
    }
    const refusedHere = await t.http().get(UNKNOWN_LICENCE).expect(429);
    const refusedThere = await other.http().get(UNKNOWN_LICENCE).expect(429);
    expectProblem(refusedHere.body, 429);
    expect(refusedThere.headers['retry-after']).toBeDefined();
  });

  it('holds the sign-in budget across both processes, even for the right password', async () => {
    await wrongLogin(t.http).expect(401);
    await wrongLogin(other.http).expect(401);
    await wrongLogin(t.http).expect(401);
    await wrongLogin(other.http).expect(401);
    const refused = await other.http().post('/api/auth/login').send({ username: 'fz-admin', password: PASSWORD }).expect(429);
    expectProblem(refused.body, 429);
  });

  it('keeps deployments with another key prefix apart', async () => {
    const elsewhere = await secondApi(t, { REDIS_URL, RATE_LIMIT_KEY_PREFIX: uniquePrefix(), RATE_LIMIT_PUBLIC_PER_MINUTE: '6' });
    try {
      await elsewhere.http().get(UNKNOWN_LICENCE).expect(404);
    } finally {
      await elsewhere.close();
    }
  });
});

/** A Redis of the test's own, on a free port, that it can stop and start again. */
class OwnRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
    });
    child.stdout?.resume();
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('rate limits while Redis is gone', () => {
  let t: TestApp;
  let redis: OwnRedis;
  let bearer: string;

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    t = await startTestApp({ env: { REDIS_URL: redis.url, RATE_LIMIT_KEY_PREFIX: uniquePrefix() } });
    await seedWorld(t);
    bearer = `Bearer ${(await login(t, 'fz-admin')).accessToken}`;
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('keeps answering public and signed-in routes, refuses sign-in with a 503 problem, and recovers', async () => {
    await redis.stop();
    await t.http().get(UNKNOWN_LICENCE).expect(404);
    await t.http().get('/api/me').set('authorization', bearer).expect(200);
    const refused = await t.http().post('/api/auth/login').send({ username: 'fz-admin', password: PASSWORD }).expect(503);
    expectProblem(refused.body, 503);
    expect(refused.headers['retry-after']).toBeDefined();

    await redis.start();
    await eventually(async () => (await t.http().post('/api/auth/login').send({ username: 'fz-admin', password: PASSWORD })).status === 200);
  });

  it('starts and answers with no Redis to reach at all', async () => {
    const unreachable = await secondApi(t, { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, RATE_LIMIT_KEY_PREFIX: uniquePrefix() });
    try {
      await unreachable.http().get(UNKNOWN_LICENCE).expect(404);
      await unreachable.http().get('/api/me').set('authorization', bearer).expect(200);
      expectProblem((await unreachable.http().post('/api/auth/login').send({ username: 'fz-admin', password: PASSWORD }).expect(503)).body, 503);
    } finally {
      await unreachable.close();
    }
  });
});
