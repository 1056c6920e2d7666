import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { decidedSuspension } from './support/sanction-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai: a working day. */
const MONDAY = '2026-03-02T02:00:00.000Z';

describe('updatedSince: incremental sync of the public register and the sanctions list', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY);
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const usccOf = async (agencyId: string) => ((await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [agencyId])) as { uscc: string }[])[0].uscc;
  const register = async (since: string) =>
    ((await t.http().get(`/api/public/agencies?limit=200&updatedSince=${encodeURIComponent(since)}`).expect(200)).body.items as { uscc: string }[]).map((a) => a.uscc);

  it('lists only agencies whose name or licences changed at or after the instant', async () => {
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen });
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou });
    // Both were last touched long ago.
    await t.db.query(`UPDATE agencies SET updated_at = '2025-01-01T00:00:00Z'`);
    await t.db.query(`UPDATE licences SET updated_at = '2025-01-01T00:00:00Z'`);
    const xiamen = await usccOf(world.agencies.xiamen);
    const fuzhou = await usccOf(world.agencies.fuzhou);
    expect(await register('2025-01-01T00:00:00Z')).toEqual(expect.arrayContaining([xiamen, fuzhou]));
    expect(await register('2025-06-01T00:00:00+08:00')).toEqual([]);

    // A licence change brings its agency back; a renamed agency comes back by itself.
    await t.db.query(`UPDATE licences SET status = 'suspended', updated_at = '2025-07-01T00:00:00Z' WHERE id = $1`, [licence.id]);
    expect(await register('2025-06-01T00:00:00+08:00')).toEqual([fuzhou]);
    await t.db.query(`UPDATE agencies SET name_en = 'Renamed', updated_at = '2025-08-01T00:00:00Z' WHERE id = $1`, [world.agencies.xiamen]);
    expect((await register('2025-06-01T00:00:00Z')).sort()).toEqual([fuzhou, xiamen].sort());
    expect(await register('2025-07-15T00:00:00Z')).toEqual([xiamen]);
  });

  it('lists only sanctions decided or varied at or after the instant', async () => {
    const before = new Date().toISOString();
    const sanction = await decidedSuspension(t, world, as);
    const since = async (instant: string) =>
      ((await t.http().get(`/api/public/sanctions?updatedSince=${encodeURIComponent(instant)}`).expect(200)).body.items as { caseNumber: string }[]).map((s) => s.caseNumber);
    expect(await since(before)).toEqual([sanction.caseNumber]);
    const after = new Date(Date.now() + 1000).toISOString();
    expect(await since(after)).toEqual([]);
    // Without the filter it is there as before.
    expect((await t.http().get('/api/public/sanctions').expect(200)).body.items.map((s: { caseNumber: string }) => s.caseNumber)).toContain(sanction.caseNumber);
  });

  it.each([
    ['a day without a time', '2026-03-01'],
    ['a time without an offset', '2026-03-01T00:00:00'],
    ['an impossible date', '2026-02-30T00:00:00Z'],
    ['words', 'yesterday'],
  ])('refuses %s with a 400 naming updatedSince, on both lists', async (_what, value) => {
    for (const path of ['/api/public/agencies', '/api/public/sanctions']) {
      const response = await t.http().get(`${path}?updatedSince=${encodeURIComponent(value)}`).expect(400);
      expectProblem(response.body, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'updatedSince', message: expect.stringMatching(/date-time with an offset/) })]);
    }
  });

  it('says the problem in Chinese when asked', async () => {
    const response = await t.http().get('/api/public/agencies?updatedSince=bad').set('accept-language', 'zh-CN').expect(400);
    expect(response.body.errors[0].message).toMatch(/带时区偏移的日期时间/);
  });
});
