import { seedWorld, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * What a worker needs to spot a fake: the registered address and phone, whether the licence covers
 * her destination, when a dead licence ended (never "valid until" on a revoked one), numbers read
 * as typed, and whether the agency has sanctions to see.
 */
describe('public verification: details for the worker', () => {
  let t: TestApp;
  let world: World;
  let active: { id: string; licenceNumber: string };
  let revoked: { id: string; licenceNumber: string };
  let expired: { id: string; licenceNumber: string };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    active = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, number: '350200-2025-000042' });
    revoked = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fuzhou, status: 'revoked', expiresOn: '2029-01-01' });
    expired = await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning, status: 'expired', validFrom: '2020-01-01', expiresOn: '2025-03-31' });
    await t.db.query(
      `INSERT INTO licence_events (licence_id, kind, from_status, to_status, actor_username, occurred_at) VALUES ($1, 'revoked', 'active', 'revoked', 'test', '2026-03-01T18:00:00Z')`,
      [revoked.id],
    );
    await t.db.query(`UPDATE agencies SET address = '厦门市思明区鹭江道 8 号', contact_phone = '0592-1234567' WHERE id = $1`, [world.agencies.xiamen]);
  });
  afterAll(() => t.close());

  const verify = (number: string, language = 'en', destination?: string) =>
    t
      .http()
      .get(`/api/public/licences/${encodeURIComponent(number)}`)
      .query(destination === undefined ? {} : { destination })
      .set('accept-language', language);

  it('shows the registered address and phone', async () => {
    const answer = await verify(active.licenceNumber).expect(200);
    expect(answer.body).toMatchObject({ registeredAddress: '厦门市思明区鹭江道 8 号', registeredPhone: '0592-1234567', revokedOn: null, expiredOn: null });
  });

  it('says at once whether the licence covers the country, in the reader language', async () => {
    const covered = await verify(active.licenceNumber, 'zh-CN', 'SG').expect(200);
    expect(covered.body.destination).toEqual({ country: 'SG', covered: true, explanation: expect.stringContaining('新加坡') });
    const notCovered = await verify(active.licenceNumber, 'zh-CN', 'jp').expect(200);
    expect(notCovered.body.destination).toEqual({ country: 'JP', covered: false, explanation: '不包括日本——不要签约。' });
    const en = await verify(active.licenceNumber, 'en', 'JP').expect(200);
    expect(en.body.destination.explanation).toBe('Does not include Japan: do not sign.');
    const dead = await verify(revoked.licenceNumber, 'en', 'SG').expect(200);
    expect(dead.body.destination).toMatchObject({ covered: false, explanation: expect.stringMatching(/do not sign/) });
    const bad = await verify(active.licenceNumber, 'en', 'Japan').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'destination' })]);
    const zhBad = await verify(active.licenceNumber, 'zh', 'Japan').expect(400);
    expect(zhBad.body.errors[0].message).toMatch(/目的国/);
  });

  it('gives a revoked licence its revocation day and an expired one its last day', async () => {
    const gone = await verify(revoked.licenceNumber).expect(200);
    // 18:00 UTC on 1 March is 2 March in Asia/Shanghai.
    expect(gone.body).toMatchObject({ valid: false, status: 'revoked', revokedOn: '2026-03-02', expiredOn: null, surrenderedOn: null });
    const old = await verify(expired.licenceNumber).expect(200);
    expect(old.body).toMatchObject({ valid: false, status: 'expired', expiredOn: '2025-03-31', revokedOn: null });
  });

  it('reads numbers typed with spaces, lower case, full width or without dashes', async () => {
    const fullWidth = [...'３５０２００－２０２５－００００４２'].join('');
    for (const typed of [' 350200-2025-000042 ', '350200 2025 000042', '3502002025000042', fullWidth, '350200—2025—000042']) {
      const answer = await verify(typed).expect(200);
      expect(answer.body.licenceNumber).toBe(active.licenceNumber);
    }
    const [{ uscc }] = (await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.xiamen])) as { uscc: string }[];
    const answer = await verify(` ${uscc.toLowerCase().replace(/(.{6})/g, '$1 ')}`).expect(200);
    expect(answer.body.agency.uscc).toBe(uscc);
    await verify('350200-2025-00004').expect(404);
  });

  it('flags agencies that the public sanctions list names, and only those', async () => {
    const before = await verify(active.licenceNumber).expect(200);
    expect(before.body.agency.hasSanctions).toBe(false);
    await t.db.query(
      `INSERT INTO enforcement_cases (agency_id, jurisdiction_code, status, proposed_sanction, proposed_fine_amount, legal_basis, facts, opened_by_username, opened_at, decision_due_on,
                                      decided_sanction, decided_fine_amount, decided_at, effective_on)
       SELECT id, jurisdiction_code, 'decided', 'fine', 10000, 'basis', 'facts', 'test', now(), current_date + 90, 'fine', 10000, now(), current_date FROM agencies WHERE id = $1`,
      [world.agencies.xiamen],
    );
    // The cache is evicted by the decision's NOTIFY in real use; this test wrote straight to the table.
    t.clock.advance(24 * 3600_000);
    const register = await t.http().get('/api/public/agencies').expect(200);
    const flags = Object.fromEntries((register.body.items as { uscc: string; nameZh: string; hasSanctions: boolean }[]).map((a) => [a.nameZh, a.hasSanctions]));
    expect(flags['厦门鹭岛劳务合作有限公司']).toBe(true);
    expect(Object.values(flags).filter(Boolean)).toHaveLength(1);
  });
});
