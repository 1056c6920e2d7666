import { submittedInspection } from './support/case-fixtures';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('the public list publishes the summary written at the decision, not the case facts', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-05-06T02:00:00.000Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);

  /** A case of the Fuzhou agency served and waived, ready for a decision; its facts name a worker and the inspector. */
  async function ready(proposedSanction: string, extra: Record<string, unknown> = {}) {
    const opened = await post('fz-inspector', '/api/cases', {
      agencyId: world.agencies.fuzhou,
      grounds: [{ kind: 'inspection', reference: await submittedInspection(t, world.agencies.fuzhou) }],
      proposedSanction,
      ...extra,
      legalBasis: '人力资源市场暂行条例 第四十五条',
      facts: '检查员 fz-inspector 查明：该机构扣押劳动者陈小明的护照。',
    }).expect(201);
    const served = await post('fj-admin', `/api/cases/${opened.body.id}/notice`, { version: opened.body.version }).expect(200);
    const waived = await post('agency-fj-1', `/api/cases/${opened.body.id}/waiver`, { version: served.body.version, statement: 'We waive representations and a hearing.' }).expect(200);
    return waived.body as { id: string; version: number; caseNumber: string };
  }

  it('drafts the summary (agency, provision, sanction and dates, nothing personal) and publishes it as the deciding official wrote it', async () => {
    const c = await ready('suspension', { suspensionDays: 30 });
    const draft = await get('fj-admin', `/api/cases/${c.id}/published-summary-draft?sanction=suspension&suspensionDays=30`).expect(200);
    expect(draft.body.zh).toBe(`福州海峡人力资源有限公司（统一社会信用代码 ${(await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.fuzhou]))[0].uscc}）违反人力资源市场暂行条例 第四十五条，决定暂停许可 30 日，自 2026-05-06 起执行，至 2026-06-04 止。`);
    expect(draft.body.en).toContain('breached 人力资源市场暂行条例 第四十五条. Sanction: suspension of the licence for 30 days, effective 2026-05-06 until 2026-06-04.');
    expect(JSON.stringify(draft.body)).not.toMatch(/陈小明|fz-inspector/);
    // The draft is the bureau's: an inspector is refused.
    await get('fz-inspector', `/api/cases/${c.id}/published-summary-draft?sanction=suspension&suspensionDays=30`).expect(403);
    // Both languages or neither.
    const half = await post('fj-admin', `/api/cases/${c.id}/decision`, { version: c.version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held.', publishedSummaryZh: draft.body.zh }).expect(400);
    expect(half.body.errors).toEqual([expect.objectContaining({ field: 'publishedSummaryEn' })]);
    const written = { publishedSummaryZh: `${draft.body.zh}（经复核）`, publishedSummaryEn: `${draft.body.en} (reviewed)` };
    const decided = await post('fj-admin', `/api/cases/${c.id}/decision`, { version: c.version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held.', ...written }).expect(200);
    expect(decided.body).toMatchObject(written);
    const [listed] = (await t.http().get(`/api/public/sanctions?q=${encodeURIComponent('福州海峡')}`).expect(200)).body.items;
    expect(listed).toMatchObject({ caseNumber: c.caseNumber, summaryZh: written.publishedSummaryZh, summaryEn: written.publishedSummaryEn });
    expect(JSON.stringify(listed)).not.toMatch(/陈小明|fz-inspector|扣押/);
  });

  it('a decision that sends no summary publishes the draft', async () => {
    const c = await ready('fine', { fineAmount: 500_000 });
    const decided = await post('fj-admin', `/api/cases/${c.id}/decision`, { version: c.version, sanction: 'fine', fineAmount: 300_000, reasons: 'Fine reduced.' }).expect(200);
    expect(decided.body.publishedSummaryZh).toContain('决定罚款 人民币 3,000.00 元，自 2026-05-06 起执行。');
    expect(decided.body.publishedSummaryEn).toContain('Sanction: fine of CNY 3,000.00, effective 2026-05-06.');
  });
});
