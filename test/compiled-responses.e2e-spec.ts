import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { validateEnvironment } from '@app/core';
import { createApi } from '../apps/api/src/http-app';
import { complaintBody } from './support/complaint-fixtures';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { appRoleUrl, startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

/**
 * The hot lists are written by serializers compiled from their OpenAPI response schemas. They must
 * answer exactly what JSON.stringify answers (an app on the same database with COMPILED_RESPONSES
 * off), property for property, nulls and nested objects included.
 */
describe('compiled list responses', () => {
  let t: TestApp;
  let plain: NestFastifyApplication;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, status: 'suspended' });
    const lodged = await t.http().post('/api/public/complaints').send(complaintBody()).expect(201);
    expect(lodged.body.trackingCode).toEqual(expect.any(String));
    const env = validateEnvironment({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      DATABASE_APP_URL: appRoleUrl(t.databaseUrl),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      DEMO_SEED: 'false',
      RUN_JOBS: 'false',
      DB_POOL_SIZE: '2',
      REDIS_URL: '',
      COMPILED_RESPONSES: 'false',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-test-data-')),
    });
    plain = await createApi({ env, clock: t.clock, plainLogger: true });
    await plain.init();
    await plain.getHttpAdapter().getInstance().ready();
  }, 180_000);
  afterAll(async () => {
    await plain?.close();
    await t.close();
  });

  it.each([
    ['licences', '/api/licences?limit=50', 'fj-admin'],
    ['licences by status', '/api/licences?limit=1&status=suspended', 'ministry'],
    ['agencies', '/api/agencies?limit=50', 'fj-admin'],
    ['agencies by name', '/api/agencies?limit=50&name=%E7%A6%8F%E5%B7%9E', 'fz-admin'],
    ['complaints', '/api/complaints?limit=50', 'ministry'],
  ])('%s: the same JSON as JSON.stringify writes', async (_name, path, user) => {
    const compiled = await t.http().get(path).set('authorization', as[user]).expect(200);
    const stringified = await request(plain.getHttpServer()).get(path).set('authorization', as[user]).expect(200);
    expect(compiled.headers['content-type']).toContain('application/json');
    expect((compiled.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
    // Property order may differ (the schema's against the object's); names, values and nulls may not.
    expect(compiled.body).toStrictEqual(stringified.body);
  });

  it('still answers errors as problem+json, not through the list schema', async () => {
    const refused = await t.http().get('/api/licences?limit=0').set('authorization', as['fj-admin']).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors[0].field).toBe('limit');
  });
});
