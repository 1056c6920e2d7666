import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SettableClock, validateEnvironment } from '@app/core';
import { runMigrations } from '@app/database';
import { createApi } from '../apps/api/src/http-app';
import { login, PASSWORD, seedWorld, testUscc } from './support/fixtures';
import { RestartablePostgres } from './support/restartable-postgres';
import { TEST_JWT_SECRET, TestApp } from './support/test-app';

/**
 * Faults: the database goes away under load and comes back; the API is closed with requests
 * in flight. Each test owns an embedded PostgreSQL it can stop and start.
 */
describe('resilience', () => {
  let server: RestartablePostgres;
  let app: NestFastifyApplication;
  let t: TestApp;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-resilience-data-'));
    server = await RestartablePostgres.start();
    const overrides = { NODE_ENV: 'test', DATABASE_URL: server.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DB_POOL_SIZE: '4' };
    app = await createApi({ env: validateEnvironment({ ...process.env, ...overrides }), clock: new SettableClock(), plainLogger: true });
    await runMigrations(app.get(DataSource));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    t = { app, http: () => request.agent(app.getHttpServer()), db: app.get(DataSource), clock: new SettableClock(), databaseUrl: server.url, close: async () => undefined };
    await seedWorld(t);
  });
  afterAll(async () => {
    await app?.close();
    await server?.exit();
  });

  it('answers 503 problem+json while PostgreSQL is down, recovers by itself, and leaves no write half-done', async () => {
    const token = (await login(t, 'fz-admin')).accessToken;
    const register = (i: number) =>
      t.http().post('/api/agencies').set('authorization', `Bearer ${token}`).send({
        uscc: testUscc('350100'), nameZh: `韧性测试${i}`, legalRepresentative: '王某', address: '某路', jurisdictionCode: '350100', agencyType: 'domestic_placement',
      });
    const before = await register(0).expect(201);
    expect(before.body.id).toBeDefined();

    const inFlight = Array.from({ length: 20 }, (_, i) => register(i + 1));
    await server.stop();
    const answers = await Promise.all(inFlight);
    const duringOutage = await Promise.all([t.http().get('/health/ready'), register(100), t.http().get('/api/agencies').set('authorization', `Bearer ${token}`)]);
    for (const response of [...answers, ...duringOutage]) {
      expect([201, 503]).toContain(response.status);
      if (response.status === 503) {
        expect(response.headers['content-type']).toMatch(/problem\+json/);
        expect(response.headers['retry-after']).toBeDefined();
      }
    }
    expect(duringOutage.every((r) => r.status === 503)).toBe(true);
    await t.http().get('/health').expect(200);

    await server.restart();
    let recovered = false;
    for (let attempt = 0; attempt < 40 && !recovered; attempt++) {
      recovered = (await t.http().get('/health/ready')).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    await register(200).expect(201);

    // Every agency that exists has its audit event, and every 201 answered has its agency: nothing half-done.
    const created = answers.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const [{ orphans }] = await t.db.query(`SELECT count(*)::int AS orphans FROM agencies a WHERE a.name_zh LIKE '韧性测试%' AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_id = a.id::text)`);
    expect(orphans).toBe(0);
    const [{ found }] = await t.db.query(`SELECT count(*)::int AS found FROM agencies WHERE id = ANY($1::uuid[])`, [created]);
    expect(found).toBe(created.length);
    const verify = await t.http().get('/api/audit/verify').set('authorization', `Bearer ${(await login(t, 'admin', PASSWORD)).accessToken}`).expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('finishes in-flight requests when closed, and refuses new ones meanwhile', async () => {
    const token = (await login(t, 'fz-admin')).accessToken;
    const header = 'uscc,name_zh,legal_representative,address,jurisdiction_code,agency_type';
    const rows = Array.from({ length: 20_000 }, (_, i) => `${testUscc('350100')},关闭测试${i},王某,某路,350100,domestic_placement`);
    await app.listen(0, '127.0.0.1');
    const address = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    // In flight means arrived: on a loaded machine a fixed pause can end before the import reaches
    // the server, and it is then rightly refused as a new request.
    const arrived = new Promise((resolve) => app.getHttpServer().once('request', resolve));
    const slow = fetch(`${address}/api/agencies/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: [header, ...rows].join('\n') });
    await arrived;
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = app.close();
    const refused = await fetch(`${address}/health`).catch(() => undefined);
    expect(refused === undefined ? 503 : refused.status).toBe(503);
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 20_000 });
    await closing;
  });
});
