import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** What the web app needs besides its pages: who is signed in, agency suggestions, answers in its language, a clean OpenAPI. */
describe('API support for the web app', () => {
  let t: TestApp;
  let world: World;
  let auth: Record<string, string>;
  let licenceNumber: string;
  let uscc: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    auth = await signInAll(t);
    ({ licenceNumber } = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, number: '350200-2026-000777' }));
    [{ uscc }] = await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.xiamen]);
  });
  afterAll(() => t.close());

  it('says on /me who is signed in: role, bureau or agency, and unread notifications', async () => {
    const userId = world.users['agency-fj-1'];
    await t.db.query(
      `INSERT INTO notifications (kind, recipient_user_id, dedup_key, channel, status, read_at)
       VALUES ('licence.renewal_reminder', $1, 'web-1', 'inbox', 'sent', NULL), ('licence.renewal_reminder', $1, 'web-2', 'inbox', 'sent', NULL),
              ('licence.renewal_reminder', $1, 'web-3', 'inbox', 'sent', now())`,
      [userId],
    );
    const agencyUser = await t.http().get('/api/me').set('authorization', auth['agency-fj-1']).expect(200);
    expect(agencyUser.body).toMatchObject({ role: 'agency_user', bureau: null, unreadNotifications: 2, agency: { id: world.agencyId, nameZh: expect.any(String) } });
    const official = await t.http().get('/api/me').set('authorization', auth['fz-admin']).expect(200);
    expect(official.body).toMatchObject({ displayName: 'fz-admin', role: 'bureau_admin', agency: null, unreadNotifications: 0, bureau: { level: 'city' } });
    await t.http().get('/api/me').expect(401);
  });

  it('suggests agencies of the register by licence number, USCC or name', async () => {
    const byNumber = await t.http().get('/api/public/agency-suggestions?q=350200-2026-0007').expect(200);
    expect(byNumber.body.items).toEqual([{ uscc, nameZh: '厦门鹭岛劳务合作有限公司', nameEn: expect.anything(), licenceNumbers: [licenceNumber] }]);
    const byUscc = await t.http().get(`/api/public/agency-suggestions?q=${uscc.slice(0, 8).toLowerCase()}`).expect(200);
    expect(byUscc.body.items.map((a: { uscc: string }) => a.uscc)).toContain(uscc);
    const byName = await t.http().get(`/api/public/agency-suggestions?q=${encodeURIComponent('鹭岛')}`).expect(200);
    expect(byName.body.items.map((a: { uscc: string }) => a.uscc)).toEqual([uscc]);
    // Agencies never licensed are not on the public register.
    const unlisted = await t.http().get(`/api/public/agency-suggestions?q=${encodeURIComponent('沈阳')}`).expect(200);
    expect(unlisted.body.items).toEqual([]);
    const wildcard = await t.http().get('/api/public/agency-suggestions?q=%25%25').expect(200);
    expect(wildcard.body.items).toEqual([]);
  });

  it('refuses a suggestion query shorter than 2 characters', async () => {
    const response = await t.http().get('/api/public/agency-suggestions?q=3').set('accept-language', 'zh-CN').expect(400);
    expect(response.body.errors).toEqual([{ field: 'q', message: 'q 至少 2 个字符' }]);
  });

  it("explains a licence's status in the language asked for", async () => {
    const zh = await t.http().get(`/api/public/licences/${licenceNumber}`).set('accept-language', 'zh-CN,zh;q=0.9').expect(200);
    expect(zh.body.explanation).toBe('许可证有效：该机构可在所示范围内招聘。');
    const en = await t.http().get(`/api/public/licences/${licenceNumber}`).expect(200);
    expect(en.body.explanation).toMatch(/^The licence is in force/);
  });

  it('declares each header parameter once in OpenAPI, as documented', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const headers = (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
        expect([method, path, headers]).toEqual([method, path, [...new Set(headers)]]);
      }
    }
    const track = document.paths['/api/public/complaints/{trackingCode}'].get.parameters?.filter((p) => p.in === 'header');
    expect(track?.map((p) => p.name).sort()).toEqual(['X-Complaint-Pin', 'X-Complaint-Secret']);
    expect(track?.every((p) => p.required === false)).toBe(true);
    const lodge = document.paths['/api/public/complaints'].post.parameters?.filter((p) => p.in === 'header');
    expect(lodge).toEqual([expect.objectContaining({ name: 'Idempotency-Key', required: false })]);
    const verify = document.paths['/api/public/licences/{number}'].get.parameters?.filter((p) => p.in === 'header');
    expect(verify).toEqual([expect.objectContaining({ name: 'accept-language', required: false })]);
  });
});
