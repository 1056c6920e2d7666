import { signInAll, seedWorld } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const NEW_LINE = {
  number: '12345',
  nameZh: '政务服务便民热线',
  nameEn: 'Government service hotline',
  descriptionZh: '政务服务咨询。',
  descriptionEn: 'Questions about government services.',
  sourceUrl: 'https://www.gov.cn/',
  sortOrder: 40,
};

describe('help lines and country notes', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    auth = await signInAll(t);
  });
  afterAll(() => t.close());

  it('seeds the cited help lines from reference/help-lines.csv, in Chinese by default', async () => {
    const response = await t.http().get('/api/public/help-lines').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-language']).toBe('zh-CN');
    expect(response.body.items.map((l: { number: string }) => l.number)).toEqual(['12333', '12308', '110']);
    expect(response.body.items[1]).toMatchObject({ name: '外交部全球领事保护与服务应急呼叫中心', sourceUrl: 'https://cs.mfa.gov.cn/' });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const response = await t.http().get('/api/public/help-lines').set('accept-language', 'en-GB,en;q=0.9,zh;q=0.5').expect(200);
    expect(response.headers['content-language']).toBe('en');
    expect(response.body.items[0]).toMatchObject({ number: '12333', name: 'Human resources and social security hotline' });
  });

  it("gives a country's notes after the notes for every destination", async () => {
    const response = await t.http().get('/api/public/country-notes?country=SG').set('accept-language', 'en').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body.items.map((n: { countryCode: string | null }) => n.countryCode)).toEqual([null, 'SG']);
    expect(response.body.items[0].body).toMatch(/China Consular Affairs/);
    const all = await t.http().get('/api/public/country-notes').expect(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(6);
    const refused = await t.http().get('/api/public/country-notes?country=singapore').expect(400);
    expect(refused.body.errors[0].field).toBe('country');
  });

  it('lets only a system admin edit them (403 for others, 401 signed out)', async () => {
    for (const user of ['ministry', 'fj-admin', 'agency-fj-1']) {
      await t.http().get('/api/admin/help-lines').set('authorization', auth[user]).expect(403);
      await t.http().post('/api/admin/help-lines').set('authorization', auth[user]).send(NEW_LINE).expect(403);
      await t.http().post('/api/admin/country-notes').set('authorization', auth[user]).send({}).expect(403);
    }
    await t.http().post('/api/admin/help-lines').send(NEW_LINE).expect(401);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM help_lines WHERE number = '12345'`);
    expect(row.n).toBe(0);
  });

  it('creates, updates and removes a help line, versioned and audited', async () => {
    const created = await t.http().post('/api/admin/help-lines').set('authorization', auth.admin).send(NEW_LINE).expect(201);
    expect(created.body).toMatchObject({ ...NEW_LINE, version: 1 });
    const updated = await t.http()
      .put(`/api/admin/help-lines/${created.body.id}`)
      .set('authorization', auth.admin)
      .send({ ...NEW_LINE, nameEn: 'Government services hotline', version: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ nameEn: 'Government services hotline', version: 2 });
    const listed = await t.http().get('/api/public/help-lines').set('accept-language', 'en').expect(200);
    expect(listed.body.items.map((l: { name: string }) => l.name)).toContain('Government services hotline');
    await t.http().delete(`/api/admin/help-lines/${created.body.id}?version=2`).set('authorization', auth.admin).expect(204);
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['help_line.create', 'help_line.update', 'help_line.delete']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const created = await t.http().post('/api/admin/country-notes').set('authorization', auth.admin).send({
      countryCode: 'AE', titleZh: '阿联酋', titleEn: 'United Arab Emirates', bodyZh: '说明', bodyEn: 'Note', sourceUrl: 'https://example.org/source',
    }).expect(201);
    await t.http().put(`/api/admin/country-notes/${created.body.id}`).set('authorization', auth.admin)
      .send({ ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined, titleEn: 'UAE', version: 1 }).expect(200);
    const stale = await t.http().put(`/api/admin/country-notes/${created.body.id}`).set('authorization', auth.admin)
      .send({ countryCode: 'AE', titleZh: '阿联酋', titleEn: 'Stale', bodyZh: '说明', bodyEn: 'Note', sourceUrl: 'https://example.org/source', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ currentVersion: 2 });
    await t.http().delete(`/api/admin/country-notes/${created.body.id}?version=1`).set('authorization', auth.admin).expect(409);
    const [row] = await t.db.query(`SELECT title_en, version FROM country_notes WHERE id = $1`, [created.body.id]);
    expect(row).toEqual({ title_en: 'UAE', version: 2 });
  });

  it('refuses bad input field by field, in the language asked for', async () => {
    const response = await t.http().post('/api/admin/help-lines').set('authorization', auth.admin).set('accept-language', 'zh-CN')
      .send({ ...NEW_LINE, number: 'call me', sourceUrl: 'ftp://x', nameZh: '' }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nameZh', 'number', 'sourceUrl']);
    expect(response.body.errors.find((e: { field: string }) => e.field === 'number').message).toBe('号码只能由数字、空格和短横线组成');
    const note = await t.http().post('/api/admin/country-notes').set('authorization', auth.admin).send({ titleZh: 'x', titleEn: 'x', bodyZh: 'x', bodyEn: 'x', sourceUrl: 'https://x.org' }).expect(400);
    expect(note.body.errors.map((e: { field: string }) => e.field)).toEqual(['countryCode']);
    await t.http().put('/api/admin/help-lines/not-a-uuid').set('authorization', auth.admin).send({ ...NEW_LINE, version: 1 }).expect(400);
    await t.http().put('/api/admin/help-lines/00000000-0000-4000-8000-000000000000').set('authorization', auth.admin).send({ ...NEW_LINE, version: 1 }).expect(404);
  });

  it('refuses a number already listed with 409', async () => {
    const duplicate = await t.http().post('/api/admin/help-lines').set('authorization', auth.admin).send({ ...NEW_LINE, number: '110' }).expect(409);
    expect(duplicate.body.type).toMatch(/duplicate$/);
  });
});
