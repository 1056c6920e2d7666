import { CaseProposals } from '@app/enforcement';
import { JobRunner } from '@app/scheduler';
import { submittedInspection } from './support/case-fixtures';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('case grounds are checked and named from one catalogue', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-04-01T01:00:00.000Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);
  const caseBody = (agencyId: string, grounds: Record<string, unknown>[]) => ({ agencyId, grounds, proposedSanction: 'warning', legalBasis: '人力资源市场暂行条例 第四十条', facts: '未按期报送年度报告。' });

  it("the annual-report job's case names the report by its year in each language, and its texts are the catalogue's, one language each", async () => {
    await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian, validFrom: '2025-01-01' });
    expect(await t.app.get(JobRunner).runJob('annual-report-deadlines', 'test')).toMatchObject({ status: 'succeeded' });
    const [listed] = (await get('fj-admin', `/api/cases?agencyId=${world.agencies.fuzhou}`).expect(200)).body.items;
    const detail = (await get('fj-admin', `/api/cases/${listed.id}`).expect(200)).body;
    expect(detail.grounds).toEqual([expect.objectContaining({ kind: 'annual_report_overdue', label: { zh: '2025 年度报告逾期未报', en: '2025 annual report not filed on time' } })]);
    expect(detail).toMatchObject({
      facts: '未按期（2026-03-31前）报送 2025 年度报告。',
      factsEn: 'The annual report for 2025 was not filed by 2026-03-31.',
      legalBasis: '人力资源市场暂行条例 第四十条、第四十八条',
      legalBasisEn: 'Interim Regulation on the Human Resources Market, art. 40, 48',
    });
    // Never the two languages in one text.
    expect(`${detail.facts}${detail.legalBasis}`).not.toMatch(/[A-Za-z]{3}/);
  });

  it("officials may not open cases on the jobs' grounds: 400 naming the field, and a Liaoning official's refusal names no Fujian case", async () => {
    const [fujianCase] = (await get('fj-admin', `/api/cases?agencyId=${world.agencies.fuzhou}`).expect(200)).body.items;
    const [{ reference }] = (await get('fj-admin', `/api/cases/${fujianCase.id}`).expect(200)).body.grounds;
    for (const kind of ['annual_report_overdue', 'reserve_fund_overdue', 'commitment_failed', 'credit_grade_d']) {
      const refused = await post('fz-inspector', '/api/cases', caseBody(world.agencies.fuzhou, [{ kind, reference }])).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'grounds[0].kind' })]);
    }
    // The Fujian report named on a Liaoning agency: refused without a word of the Fujian case.
    const liaoning = await post('ln-admin', '/api/cases', caseBody(world.agencies.shenyang, [{ kind: 'annual_report_overdue', reference }])).expect(400);
    expectProblem(liaoning.body, 400);
    expect(JSON.stringify(liaoning.body)).not.toContain(fujianCase.id);
    expect(JSON.stringify(liaoning.body)).not.toContain(fujianCase.caseNumber);
  });

  it('every reference must be a record of the agency in the caller\'s scope (400 naming the field)', async () => {
    const shenyangInspection = await submittedInspection(t, world.agencies.shenyang);
    const xiamenInspection = await submittedInspection(t, world.agencies.xiamen);
    // Another province's inspection, another agency's, a finding of an inspection that does not exist.
    const refused = await post('fj-admin', '/api/cases', caseBody(world.agencies.fuzhou, [
      { kind: 'inspection', reference: shenyangInspection },
      { kind: 'inspection', reference: xiamenInspection },
      { kind: 'finding', reference: `${xiamenInspection.replace(/^./, '0')}/PRO-1` },
    ])).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['grounds[0].reference', 'grounds[1].reference', 'grounds[2].reference']);
    // The Fuzhou city inspector does not reach Xiamen's inspection even on Xiamen's agency.
    await post('fz-inspector', '/api/cases', caseBody(world.agencies.xiamen, [{ kind: 'inspection', reference: xiamenInspection }])).expect(404);
  });

  it("one case per ground and agency: a case on agency A naming B's record does not stand in for B's case", async () => {
    const inspection = await submittedInspection(t, world.agencies.xiamen, '2026-03-02');
    // Through the seam other modules use, which trusts its caller: agency A's case names B's inspection.
    const onA = await t.app.get(CaseProposals).proposeCase({
      agencyId: world.agencies.fuzhou,
      grounds: [{ kind: 'inspection', reference: inspection }],
      proposedSanction: 'warning',
      legalBasis: '人力资源市场暂行条例',
      facts: '误引他人检查。',
      openedBy: 'system',
    });
    const onB = await post('xm-admin', '/api/cases', caseBody(world.agencies.xiamen, [{ kind: 'inspection', reference: inspection }])).expect(201);
    expect(onB.body.id).not.toBe(onA.id);
    expect(onB.body).toMatchObject({ agencyId: world.agencies.xiamen, grounds: [expect.objectContaining({ label: { zh: '2026-03-02 检查', en: 'Inspection of 2026-03-02' } })] });
    // Naming it again answers B's own case.
    const again = await post('xm-admin', '/api/cases', caseBody(world.agencies.xiamen, [{ kind: 'inspection', reference: inspection }])).expect(201);
    expect(again.body.id).toBe(onB.body.id);
  });
});
