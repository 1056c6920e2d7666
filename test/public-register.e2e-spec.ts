import request from 'supertest';
import { validateEnvironment } from '@app/core';
import { createApi } from '../apps/api/src/http-app';
import { login, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const PRIVATE_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'legalRepresentative', 'address', 'riskScore', 'riskFactors', 'id', 'agencyId', 'issuedByBureauId', 'conditions', 'reserveFundAmount', 'version'];

function keysDeep(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, keys));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      keysDeep(child, keys);
    }
  }
  return keys;
}

describe('public verification and register', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let active: { id: string; licenceNumber: string };
  let uscc: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '40' } });
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    active = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, validFrom: '2025-01-01', expiresOn: '2030-01-01' });
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, licenceType: 'human_resources_service', status: 'expired', validFrom: '2019-01-01', expiresOn: '2024-01-01' });
    [{ uscc }] = await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.xiamen]);
  });
  afterAll(() => t.close());

  it('says whether a licence may be used to recruit today, with nothing private', async () => {
    const response = await t.http().get(`/api/public/licences/${active.licenceNumber}`).expect(200);
    expect(response.body).toMatchObject({
      valid: true,
      status: 'active',
      licenceNumber: active.licenceNumber,
      licenceType: 'overseas_employment',
      expiresOn: '2030-01-01',
      issuingBureau: 'Xiamen HRSS',
      checkedOn: '2026-06-15',
      agency: { uscc, nameZh: '厦门鹭岛劳务合作有限公司', jurisdictionCode: '350200' },
      scope: { destinationCountries: ['SG'] },
    });
    const keys = keysDeep(response.body);
    expect(PRIVATE_FIELDS.filter((field) => keys.has(field))).toEqual([]);
    expect(response.headers['cache-control']).toMatch(/max-age=60/);
  });

  it('verifies by USCC, preferring the licence valid today and listing the others', async () => {
    const response = await t.http().get(`/api/public/licences/${uscc}`).expect(200);
    expect(response.body).toMatchObject({ valid: true, licenceNumber: active.licenceNumber });
    expect(response.body.otherLicences).toEqual([expect.objectContaining({ status: 'expired', licenceType: 'human_resources_service' })]);
  });

  it('shows a suspension at once, and then the reinstatement', async () => {
    await t.http().post(`/api/licences/${active.id}/suspend`).set('authorization', as['xm-admin']).send({ reason: 'fees charged to workers' }).expect(200);
    const suspended = await t.http().get(`/api/public/licences/${active.licenceNumber}`).expect(200);
    expect(suspended.body).toMatchObject({ valid: false, status: 'suspended', explanation: expect.stringMatching(/may not recruit/) });
    // With an end date, the explanation gives it.
    await t.http().post(`/api/licences/${active.id}/reinstate`).set('authorization', as['xm-admin']).send({ reason: 'fees refunded' }).expect(200);
    await t.http().post(`/api/licences/${active.id}/suspend`).set('authorization', as['xm-admin']).send({ reason: 'fees charged to workers', until: '2027-03-01' }).expect(200);
    const until = await t.http().get(`/api/public/licences/${active.licenceNumber}`).expect(200);
    expect(until.body).toMatchObject({ status: 'suspended', suspendedUntil: '2027-03-01', explanation: expect.stringMatching(/^The licence is suspended until 2027-03-01: .*may not recruit/) });
    await t.http().post(`/api/licences/${active.id}/reinstate`).set('authorization', as['xm-admin']).send({ reason: 'fees refunded' }).expect(200);
    expect((await t.http().get(`/api/public/licences/${active.licenceNumber}`).expect(200)).body.valid).toBe(true);
  });

  it('is not valid before its first or after its last day', async () => {
    t.clock.set('2030-01-02T02:00:00Z');
    expect((await t.http().get(`/api/public/licences/${active.licenceNumber}`).expect(200)).body).toMatchObject({ valid: false, status: 'active' });
    t.clock.set('2026-06-15T02:00:00Z');
  });

  it('answers a clear 404 for an unknown number or code', async () => {
    const unknown = await t.http().get('/api/public/licences/350000-2026-999999').expect(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect(unknown.body.detail).toMatch(/350000-2026-999999/);
    const gibberish = await t.http().get(`/api/public/licences/${encodeURIComponent("1' OR '1'='1")}`).expect(404);
    expect(gibberish.body.detail).toMatch(/neither a licence number/);
  });

  it('lists the public register with search, province and status filters, without private fields', async () => {
    const all = await t.http().get('/api/public/agencies').expect(200);
    expect(all.body.items).toHaveLength(1);
    expect(PRIVATE_FIELDS.filter((field) => keysDeep(all.body).has(field))).toEqual([]);
    expect((await t.http().get(`/api/public/agencies?q=${encodeURIComponent('鹭岛')}`).expect(200)).body.items).toHaveLength(1);
    expect((await t.http().get(`/api/public/agencies?q=${uscc}`).expect(200)).body.items).toHaveLength(1);
    expect((await t.http().get('/api/public/agencies?province=21').expect(200)).body.items).toHaveLength(0);
    expect((await t.http().get('/api/public/agencies?province=350000&status=expired').expect(200)).body.items[0].licences).toHaveLength(2);
    const bad = await t.http().get('/api/public/agencies?province=Fujian').expect(400);
    expect(bad.body.errors[0].field).toBe('province');
  });

  it('rate-limits public look-ups per address', async () => {
    let limited = 0;
    for (let i = 0; i < 45 && limited === 0; i++) {
      const response = await t.http().get(`/api/public/licences/${active.licenceNumber}`);
      if (response.status === 429) limited += 1;
    }
    expect(limited).toBe(1);
  });
});

describe('public verification cache', () => {
  let t: TestApp;
  let world: World;
  let second: TestApp['app'];

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    // A second API process on the same database, as behind a load balancer.
    const overrides = { NODE_ENV: 'test', DATABASE_URL: t.databaseUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', DB_POOL_SIZE: '2' };
    second = await createApi({ env: validateEnvironment({ ...process.env, ...overrides }), plainLogger: true });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const verifyOn = (app: TestApp['app'], number: string) => request(app.getHttpServer()).get(`/api/public/licences/${number}`).expect(200);
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 40; i++) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };

  it('serves repeated look-ups from memory until a change is announced', async () => {
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    expect((await verifyOn(t.app, licence.licenceNumber)).body.status).toBe('active');
    // Changed behind the API's back, without an announcement: the cached answer stands...
    await t.db.query(`UPDATE licences SET status = 'suspended' WHERE id = $1`, [licence.id]);
    expect((await verifyOn(t.app, licence.licenceNumber)).body.status).toBe('active');
    // ...until the change is announced, as every service that changes a licence does.
    await t.db.query(`SELECT pg_notify('public_register_changes', $1)`, [licence.licenceNumber]);
    expect(await eventually(async () => (await verifyOn(t.app, licence.licenceNumber)).body.status === 'suspended')).toBe(true);
  });

  it('shows a suspension made through one API process on another', async () => {
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service' });
    expect((await verifyOn(second, licence.licenceNumber)).body.valid).toBe(true);
    const admin = await login(t, 'fj-admin');
    await t.http().post(`/api/licences/${licence.id}/suspend`).set('authorization', `Bearer ${admin.accessToken}`).send({ reason: 'inspection' }).expect(200);
    expect((await verifyOn(t.app, licence.licenceNumber)).body.valid).toBe(false);
    expect(await eventually(async () => (await verifyOn(second, licence.licenceNumber)).body.valid === false)).toBe(true);
  });
});
