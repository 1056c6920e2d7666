import { submittedInspection } from './support/case-fixtures';
import { seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('agencies see the offices that act on their cases, not officials\' accounts', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-05-06T02:00:00.000Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);

  it('case list and case page carry no login name or user id of an official; each step names its bureau in both languages', async () => {
    const opened = await post('fz-inspector', '/api/cases', {
      agencyId: world.agencies.fuzhou,
      grounds: [{ kind: 'inspection', reference: await submittedInspection(t, world.agencies.fuzhou) }],
      proposedSanction: 'warning',
      legalBasis: '人力资源市场暂行条例 第四十五条',
      facts: '未公示收费标准。',
    }).expect(201);
    await post('fj-admin', `/api/cases/${opened.body.id}/notice`, { version: opened.body.version }).expect(200);

    const list = await get('agency-fj-1', '/api/cases').expect(200);
    const detail = await get('agency-fj-1', `/api/cases/${opened.body.id}`).expect(200);
    const officials = ['fz-inspector', 'fj-admin', 'fz-admin'];
    for (const body of [list.body, detail.body]) {
      const text = JSON.stringify(body);
      for (const username of officials) expect(text).not.toContain(`"${username}"`);
      for (const username of officials) expect(text).not.toContain(world.users[username]);
    }
    expect(detail.body).toMatchObject({ openedByUsername: null, investigatingOfficerId: null, investigatingOfficerName: null, decidingOfficerId: null });
    const [fujian] = await t.db.query(`SELECT name_zh, name_en FROM jurisdictions WHERE code = '350000'`);
    const [fuzhou] = await t.db.query(`SELECT name_zh, name_en FROM jurisdictions WHERE code = '350100'`);
    expect(detail.body.openedByOffice).toEqual({ zh: `${fuzhou.name_zh}人力资源和社会保障局`, en: `${fuzhou.name_en} Bureau of Human Resources and Social Security` });
    expect(detail.body.events.map((e: { kind: string; actorUsername: string | null; actorOffice: unknown }) => [e.kind, e.actorUsername, e.actorOffice])).toEqual([
      ['opened', null, detail.body.openedByOffice],
      ['notice', null, { zh: `${fujian.name_zh}人力资源和社会保障厅`, en: `${fujian.name_en} Department of Human Resources and Social Security` }],
    ]);

    // Officials still read who did what.
    const official = await get('fj-admin', `/api/cases/${opened.body.id}`).expect(200);
    expect(official.body).toMatchObject({ openedByUsername: 'fz-inspector', investigatingOfficerId: world.users['fz-inspector'] });
    expect(official.body.events.map((e: { actorUsername: string }) => e.actorUsername)).toEqual(['fz-inspector', 'fj-admin']);
  });
});
