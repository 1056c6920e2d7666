import { DataSource } from 'typeorm';
import { CaseLicences1763886500400 } from '../migrations/1763886500400-case-licences';
import { expectProblem, login, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { submittedInspection } from './support/case-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai: a working day, clear of the Spring Festival. */
const MONDAY = '2026-03-02T02:00:00.000Z';
const at = (date: string) => `${date}T02:00:00.000Z`;

/** Sanctions as decided (and as they stand after appeals), on the licences a case names. */
describe('enforcement: sanctions as decided, on the licences named', () => {
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
  beforeEach(() => t.clock.set(MONDAY));

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);
  const put = (user: string, path: string, body: Record<string, unknown>) => t.http().put(path).set('authorization', as[user]).send(body);

  type Licence = { id: string; licenceNumber: string };

  /** A new agency in Fuzhou with two active licences; the agency user of the fixtures is moved to it. */
  async function agencyWithTwoLicences(): Promise<{ agencyId: string; uscc: string; first: Licence; second: Licence }> {
    const uscc = testUscc('350100');
    const [agency] = await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type) VALUES ($1, '两证测试公司', 'Two-licence test agency', '李某', '某路', '350100', 'overseas_placement') RETURNING id`,
      [uscc],
    );
    const first = await insertLicence(t, { agencyId: agency.id, bureauId: world.bureaus.fujian });
    const second = await insertLicence(t, { agencyId: agency.id, bureauId: world.bureaus.fujian, licenceType: 'human_resources_service' });
    await t.db.query(`UPDATE users SET agency_id = $1 WHERE username = 'agency-fj-1'`, [agency.id]);
    as['agency-fj-1'] = `Bearer ${(await login(t, 'agency-fj-1')).accessToken}`;
    return { agencyId: agency.id, uscc, first, second };
  }

  /** An inspection by the Fuzhou inspector finding PRO-1 wanting, with the given proposal. */
  const inspectWith = async (agencyId: string, sanctionProposal: Record<string, unknown>) =>
    inspect(t, as['fz-inspector'], agencyId, { templateId: await seededTemplateId(t), inspectionDate: '2026-02-27', results: { 'PRO-1': 'non_compliant' }, sanctionProposal });

  /** Serves the notice and takes the agency's written waiver: the case can be decided at once. */
  async function readyToDecide(caseId: string): Promise<number> {
    const opened = await get('fj-admin', `/api/cases/${caseId}`).expect(200);
    const served = await post('fj-admin', `/api/cases/${caseId}/notice`, { version: opened.body.version }).expect(200);
    const waived = await post('agency-fj-1', `/api/cases/${caseId}/waiver`, { version: served.body.version, statement: 'We waive representations and a hearing.' }).expect(200);
    return waived.body.version as number;
  }

  async function openCase(agencyId: string, overrides: Record<string, unknown> = {}) {
    const response = await post('fz-inspector', '/api/cases', {
      agencyId,
      // An official names an inspection of the agency (the jobs' ground kinds are not theirs to name).
      grounds: [{ kind: 'inspection', reference: await submittedInspection(t, agencyId) }],
      proposedSanction: 'suspension',
      suspensionDays: 30,
      legalBasis: '人力资源市场暂行条例 第四十五条',
      facts: 'The agency held the passports of 12 workers.',
      ...overrides,
    });
    if (response.status !== 201) throw new Error(`open case: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number; caseNumber: string; licenceIds: string[]; licenceNumbers: string[] };
  }

  async function decidedSuspension(days = 30) {
    const agency = await agencyWithTwoLicences();
    const opened = await openCase(agency.agencyId, { licenceIds: [agency.first.id], suspensionDays: days });
    const version = await readyToDecide(opened.id);
    const decided = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version, sanction: 'suspension', suspensionDays: days, reasons: 'Passports held; no answer given.' }).expect(200);
    return { ...agency, caseId: opened.id, caseNumber: opened.caseNumber, version: decided.body.version as number };
  }

  const pastSanctions = async (user: string, agencyId: string) => {
    const ranked = await get(user, '/api/inspections/priorities?limit=200').expect(200);
    const entry = (ranked.body.items as { agencyId: string; factors: { factor: string; points: number }[] }[]).find((i) => i.agencyId === agencyId);
    return entry?.factors.find((f) => f.factor === 'past_sanctions') ?? null;
  };
  /** The profile's past sanctions: its live risk section and the score stored on the agency must agree. */
  const storedPastSanctions = async (agencyId: string) => {
    const profile = await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200);
    const find = (factors: { factor: string; points: number }[] | null | undefined) => (factors ?? []).find((f) => f.factor === 'past_sanctions') ?? null;
    expect(find(profile.body.risk?.factors)).toEqual(find(profile.body.agency.riskFactors));
    return find(profile.body.agency.riskFactors);
  };
  const publicList = async (uscc: string) => (await t.http().get(`/api/public/sanctions?q=${uscc}`).expect(200)).body.items as Record<string, unknown>[];
  const licenceOf = async (id: string) => (await get('fj-admin', `/api/licences/${id}`).expect(200)).body as { status: string; suspendedUntil: string | null };

  describe('1. past sanctions are decided ones, as they stand after appeals', () => {
    it('a proposal and the bureau’s referral count nothing; the decision counts; an annulment takes it away, in priorities, profile and credit alike', async () => {
      const { agencyId } = await agencyWithTwoLicences();
      const submitted = await inspectWith(agencyId, { sanction: 'suspension', suspensionDays: 30 });
      const referred = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'suspension', suspensionDays: 30, reason: 'Refer to a case', version: submitted.version }).expect(200);
      // Proposed and referred, not decided: no past sanction anywhere.
      expect(await pastSanctions('fj-admin', agencyId)).toBeNull();
      expect(await storedPastSanctions(agencyId)).toBeNull();
      const caseId = referred.body.case.id as string;
      const version = await readyToDecide(caseId);
      const decided = await post('fj-admin', `/api/cases/${caseId}/decision`, { version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held; no answer given.' }).expect(200);
      expect(await pastSanctions('fj-admin', agencyId)).toMatchObject({ points: 15 });
      expect(await storedPastSanctions(agencyId)).toMatchObject({ points: 15 });
      expect((await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200)).body.credit).toMatchObject({ points: 12, reasons: [expect.objectContaining({ reason: `${decided.body.caseNumber}: suspension` })] });
      await post('fj-admin', `/api/cases/${caseId}/appeal`, { version: decided.body.version, body: 'reconsideration', lodgedOn: '2026-03-02', outcome: 'annulled', decidedOn: '2026-03-02' }).expect(200);
      expect(await pastSanctions('fj-admin', agencyId)).toBeNull();
      expect(await storedPastSanctions(agencyId)).toBeNull();
      expect((await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200)).body.credit).toMatchObject({ points: 0, reasons: [] });
    });

    it('a case decided with no sanction counts nothing', async () => {
      const { agencyId } = await agencyWithTwoLicences();
      const opened = await openCase(agencyId, { proposedSanction: 'fine', suspensionDays: undefined, fineAmount: 100_000 });
      const version = await readyToDecide(opened.id);
      await post('fj-admin', `/api/cases/${opened.id}/decision`, { version, sanction: 'none', reasons: 'The facts were not made out.' }).expect(200);
      expect(await pastSanctions('fj-admin', agencyId)).toBeNull();
      expect(await storedPastSanctions(agencyId)).toBeNull();
    });
  });

  describe('2. a varied appeal changes the sanction', () => {
    it('a 30-day suspension varied to a warning reinstates the licence, leaves the public list, re-scores points and grade, and tells the agency', async () => {
      const { caseId, caseNumber, version, first, uscc, agencyId } = await decidedSuspension();
      expect(await licenceOf(first.id)).toMatchObject({ status: 'suspended', suspendedUntil: '2026-03-31' });
      expect(await publicList(uscc)).toHaveLength(1);
      const varied = await post('fj-admin', `/api/cases/${caseId}/appeal`, { version, body: 'reconsideration', lodgedOn: '2026-03-02', outcome: 'varied', decidedOn: '2026-03-02', sanction: 'warning' }).expect(200);
      expect(varied.body).toMatchObject({ status: 'closed', appealOutcome: 'varied', decidedSanction: 'warning', decidedSuspensionDays: null, sanctionedLicenceIds: [] });
      expect(varied.body.events.at(-1).details).toMatchObject({ varied: { from: { sanction: 'suspension', suspensionDays: 30 }, to: { sanction: 'warning' } }, restored: [first.licenceNumber] });
      expect(await licenceOf(first.id)).toMatchObject({ status: 'active', suspendedUntil: null });
      expect((await t.http().get(`/api/public/licences/${first.licenceNumber}`).expect(200)).body).toMatchObject({ valid: true, status: 'active' });
      expect(await publicList(uscc)).toEqual([]);
      // A warning's 3 points in place of the suspension's 12: grade B.
      expect((await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200)).body.credit).toMatchObject({ grade: 'B', points: 3, reasons: [expect.objectContaining({ points: 3, reason: `${caseNumber}: warning` })] });
      expect(await pastSanctions('fj-admin', agencyId)).toMatchObject({ points: 3 });
      const [told] = await t.db.query(`SELECT payload FROM notifications WHERE kind = 'case.appeal_recorded' AND payload->>'caseId' = $1`, [caseId]);
      expect(told.payload).toMatchObject({ outcome: 'varied', sanction: '警告 / warning' });
    });

    it('a suspension shortened moves suspendedUntil and the public list shows the shorter one', async () => {
      const { caseId, version, first, second, uscc } = await decidedSuspension(30);
      t.clock.set(at('2026-03-05'));
      const varied = await post('fj-admin', `/api/cases/${caseId}/appeal`, { version, body: 'litigation', lodgedOn: '2026-03-03', outcome: 'varied', decidedOn: '2026-03-05', sanction: 'suspension', suspensionDays: 10 }).expect(200);
      expect(varied.body).toMatchObject({ decidedSanction: 'suspension', decidedSuspensionDays: 10, sanctionedLicenceIds: [first.id] });
      // Ten days from the decision's effective date, 2 March.
      expect(await licenceOf(first.id)).toMatchObject({ status: 'suspended', suspendedUntil: '2026-03-11' });
      expect(await licenceOf(second.id)).toMatchObject({ status: 'active' });
      expect((await t.http().get(`/api/public/licences/${first.licenceNumber}`).expect(200)).body).toMatchObject({ status: 'suspended', suspendedUntil: '2026-03-11' });
      expect(await publicList(uscc)).toEqual([expect.objectContaining({ sanction: 'suspension', suspensionDays: 10, licenceNumbers: [first.licenceNumber] })]);
    });

    it('a suspension shortened to days already served gives the licence back at once', async () => {
      const { caseId, version, first } = await decidedSuspension(30);
      t.clock.set(at('2026-03-20'));
      await post('fj-admin', `/api/cases/${caseId}/appeal`, { version, body: 'reconsideration', lodgedOn: '2026-03-03', outcome: 'varied', decidedOn: '2026-03-20', sanction: 'suspension', suspensionDays: 5 }).expect(200);
      expect(await licenceOf(first.id)).toMatchObject({ status: 'active', suspendedUntil: null });
    });

    it('refuses a variation that is heavier, the same, none, or missing; and a sanction with any other outcome', async () => {
      const { caseId, version } = await decidedSuspension(30);
      const appeal = { version, body: 'reconsideration', lodgedOn: '2026-03-02', outcome: 'varied', decidedOn: '2026-03-02' };
      const fields = async (body: Record<string, unknown>) => (await post('fj-admin', `/api/cases/${caseId}/appeal`, body).expect(400)).body.errors.map((e: { field: string }) => e.field);
      expect(await fields(appeal)).toEqual(['sanction']);
      expect(await fields({ ...appeal, sanction: 'revocation' })).toEqual(['sanction']);
      expect(await fields({ ...appeal, sanction: 'suspension', suspensionDays: 31 })).toEqual(['suspensionDays']);
      expect(await fields({ ...appeal, sanction: 'suspension', suspensionDays: 30 })).toEqual(['suspensionDays']);
      expect(await fields({ ...appeal, sanction: 'suspension' })).toEqual(['suspensionDays']);
      expect(await fields({ ...appeal, sanction: 'none' })).toEqual(['sanction']);
      expect(await fields({ ...appeal, outcome: 'upheld', sanction: 'warning' })).toEqual(['sanction']);
      expect((await get('fj-admin', `/api/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'decided', version });
    });
  });

  describe('3. the case carries its licences', () => {
    it('an inspection’s case names the licences in force; the bureau’s call naming one keeps its sanction and that licence; the decision suspends only it', async () => {
      const { agencyId, first, second } = await agencyWithTwoLicences();
      const submitted = await inspectWith(agencyId, { sanction: 'suspension', suspensionDays: 30, reason: 'Passports held' });
      expect(submitted).toMatchObject({ case: { id: expect.any(String), caseNumber: expect.any(String) } });
      const caseId = (submitted as unknown as { case: { id: string } }).case.id;
      const proposed = await get('fj-admin', `/api/cases/${caseId}`).expect(200);
      expect(proposed.body).toMatchObject({ proposedSanction: 'suspension', proposedSuspensionDays: 30 });
      expect(proposed.body.licenceNumbers).toEqual([first.licenceNumber, second.licenceNumber].sort());
      // The bureau's call: a 20-day suspension of the first licence. The case keeps both.
      const call = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'suspension', suspensionDays: 20, reason: 'Suspend the overseas licence', licenceId: first.id, version: submitted.version }).expect(200);
      expect(call.body.case).toEqual({ id: caseId, caseNumber: proposed.body.caseNumber });
      const revised = await get('fj-admin', `/api/cases/${caseId}`).expect(200);
      expect(revised.body).toMatchObject({ proposedSanction: 'suspension', proposedSuspensionDays: 20, licenceIds: [first.id], licenceNumbers: [first.licenceNumber] });
      expect(revised.body.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'proposal_revised']);
      const version = await readyToDecide(caseId);
      const decided = await post('fj-admin', `/api/cases/${caseId}/decision`, { version, sanction: 'suspension', suspensionDays: 20, reasons: 'Passports held; no answer given.' }).expect(200);
      expect(decided.body.sanctionedLicenceIds).toEqual([first.id]);
      expect(await licenceOf(first.id)).toMatchObject({ status: 'suspended' });
      expect(await licenceOf(second.id)).toMatchObject({ status: 'active' });
    });

    it('POST /cases names licences (the agency’s, in force), the bureau sets them while the case is opened, audited; the notice fixes them', async () => {
      const other = await agencyWithTwoLicences();
      const { agencyId, first, second } = await agencyWithTwoLicences();
      const refused = await post('fz-inspector', '/api/cases', { agencyId, licenceIds: [other.first.id], grounds: [{ kind: 'inspection', reference: await submittedInspection(t, agencyId) }], proposedSanction: 'revocation', legalBasis: 'Basis', facts: 'Facts found.' }).expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['licenceIds[0]']);
      const opened = await openCase(agencyId, { licenceIds: [second.id], proposedSanction: 'revocation', suspensionDays: undefined });
      expect(opened).toMatchObject({ licenceIds: [second.id], licenceNumbers: [second.licenceNumber] });
      expectProblem((await put('fz-inspector', `/api/cases/${opened.id}/licences`, { version: opened.version, licenceIds: [first.id] }).expect(403)).body, 403);
      expectProblem((await put('ln-admin', `/api/cases/${opened.id}/licences`, { version: opened.version, licenceIds: [first.id] }).expect(404)).body, 404);
      await put('fj-admin', `/api/cases/${opened.id}/licences`, { version: opened.version + 3, licenceIds: [first.id] }).expect(409);
      const set = await put('fj-admin', `/api/cases/${opened.id}/licences`, { version: opened.version, licenceIds: [first.id] }).expect(200);
      expect(set.body).toMatchObject({ status: 'opened', licenceIds: [first.id], version: opened.version + 1 });
      expect(set.body.events.at(-1)).toMatchObject({ kind: 'licences', details: { from: [second.licenceNumber], to: [first.licenceNumber] } });
      const [audit] = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'case.licences'`, [opened.id]);
      expect(audit).toBeDefined();
      const served = await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: set.body.version }).expect(200);
      expect((await put('fj-admin', `/api/cases/${opened.id}/licences`, { version: served.body.version, licenceIds: [second.id] }).expect(409)).body.currentStatus).toBe('notice_served');
      const waived = await post('agency-fj-1', `/api/cases/${opened.id}/waiver`, { version: served.body.version, statement: 'We waive representations and a hearing.' }).expect(200);
      const decided = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: waived.body.version, sanction: 'revocation', reasons: 'Revoked for repeated passport holding.' }).expect(200);
      expect(decided.body.sanctionedLicenceIds).toEqual([first.id]);
      expect(await licenceOf(first.id)).toMatchObject({ status: 'revoked' });
      expect(await licenceOf(second.id)).toMatchObject({ status: 'active' });
    });
  });

  describe('4. answers name the case', () => {
    it('submit answers the case it opened, the bureau’s call the case it joined; the inspection page names it (to the agency once served)', async () => {
      const { agencyId } = await agencyWithTwoLicences();
      const plain = await inspectWith(agencyId, { sanction: 'none' });
      expect(plain).toMatchObject({ case: null });
      const submitted = (await inspectWith(agencyId, { sanction: 'warning' })) as unknown as { id: string; version: number; case: { id: string; caseNumber: string } };
      const [listed] = (await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200)).body.items;
      expect(submitted.case).toEqual({ id: listed.id, caseNumber: listed.caseNumber });
      expect((await get('fz-inspector', `/api/inspections/${submitted.id}`).expect(200)).body.case).toEqual(submitted.case);
      // The agency sees no case before its notice is served.
      expect((await get('agency-fj-1', `/api/inspections/${submitted.id}`).expect(200)).body.case).toBeNull();
      const call = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'warning', reason: 'A warning is enough', version: submitted.version }).expect(200);
      expect(call.body.case).toEqual(submitted.case);
      const { version } = (await get('fj-admin', `/api/cases/${submitted.case.id}`).expect(200)).body;
      await post('fj-admin', `/api/cases/${submitted.case.id}/notice`, { version }).expect(200);
      expect((await get('agency-fj-1', `/api/inspections/${submitted.id}`).expect(200)).body.case).toEqual(submitted.case);
      // The bureau's call on an inspection proposed with none opens the case and names it.
      const unproposed = await inspectWith(agencyId, { sanction: 'none' });
      const opened = await post('fj-admin', `/api/inspections/${unproposed.id}/sanction-decision`, { sanction: 'fine', fineAmount: 2000, reason: 'Fine the agency', version: unproposed.version }).expect(200);
      expect(opened.body.case).toEqual({ id: expect.any(String), caseNumber: expect.any(String) });
      expect(opened.body.case.id).not.toBe(submitted.case.id);
    });
  });

  describe('6. appeal dates are checked', () => {
    it('lodged before the decision or decided after today: 400 naming the field', async () => {
      t.clock.set(at('2026-03-04'));
      const { caseId, version } = await decidedSuspension(30);
      const appeal = { version, body: 'reconsideration', outcome: 'upheld' };
      const early = await post('fj-admin', `/api/cases/${caseId}/appeal`, { ...appeal, lodgedOn: '2026-03-03', decidedOn: '2026-03-04' }).expect(400);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'lodgedOn' })]);
      const future = await post('fj-admin', `/api/cases/${caseId}/appeal`, { ...appeal, lodgedOn: '2026-03-04', decidedOn: '2026-03-05' }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'decidedOn' })]);
      await post('fj-admin', `/api/cases/${caseId}/appeal`, { ...appeal, lodgedOn: '2026-03-04', decidedOn: '2026-03-04' }).expect(200);
    });
  });

  describe('walkthrough', () => {
    it('one agency with two licences, from an inspection to an annulled appeal, as the agency, the bureau and the public see it', async () => {
      const { agencyId, uscc, first, second } = await agencyWithTwoLicences();
      const publicLicence = async (number: string) => (await t.http().get(`/api/public/licences/${number}`).expect(200)).body;
      // Before: both licences valid, nothing on the public list.
      expect(await publicLicence(first.licenceNumber)).toMatchObject({ valid: true, status: 'active' });
      expect(await publicList(uscc)).toEqual([]);
      // The inspector proposes a 30-day suspension of the overseas licence: a case opens on it alone.
      const submitted = (await inspectWith(agencyId, { sanction: 'suspension', suspensionDays: 30, reason: 'Passports held', licenceId: first.id })) as unknown as { id: string; version: number; case: { id: string; caseNumber: string } };
      const caseId = submitted.case.id;
      expect((await get('fj-admin', `/api/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'opened', licenceNumbers: [first.licenceNumber] });
      expectProblem((await get('agency-fj-1', `/api/cases/${caseId}`).expect(404)).body, 404);
      expect((await get('agency-fj-1', `/api/inspections/${submitted.id}`).expect(200)).body.case).toBeNull();
      // The bureau's call joins the same case and keeps its licence.
      const call = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'suspension', suspensionDays: 30, reason: 'Refer to the case', licenceId: first.id, version: submitted.version }).expect(200);
      expect(call.body.case).toEqual(submitted.case);
      const version = await readyToDecide(caseId);
      expect((await get('agency-fj-1', `/api/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'notice_served', licenceNumbers: [first.licenceNumber] });
      expect((await get('agency-fj-1', `/api/inspections/${submitted.id}`).expect(200)).body.case).toEqual(submitted.case);
      const decided = await post('fj-admin', `/api/cases/${caseId}/decision`, { version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held; no answer given.' }).expect(200);
      // Decided: only the named licence is suspended; the public list and the register say so.
      expect(decided.body).toMatchObject({ status: 'decided', sanctionedLicenceIds: [first.id], effectiveOn: '2026-03-02' });
      expect((await get('agency-fj-1', `/api/licences/${first.id}`).expect(200)).body).toMatchObject({ status: 'suspended', suspendedUntil: '2026-03-31' });
      expect((await get('agency-fj-1', `/api/licences/${second.id}`).expect(200)).body).toMatchObject({ status: 'active' });
      expect(await publicLicence(first.licenceNumber)).toMatchObject({ valid: false, status: 'suspended', suspendedUntil: '2026-03-31', agency: { creditGrade: 'C' } });
      expect(await publicLicence(second.licenceNumber)).toMatchObject({ valid: true, status: 'active' });
      expect(await publicList(uscc)).toEqual([expect.objectContaining({ caseNumber: submitted.case.caseNumber, sanction: 'suspension', suspensionDays: 30, licenceNumbers: [first.licenceNumber] })]);
      expect(await pastSanctions('fj-admin', agencyId)).toMatchObject({ points: 15 });
      // Reconsideration annuls the decision: the licence is back, the list empty, the points gone.
      t.clock.set(at('2026-03-05'));
      const annulled = await post('fj-admin', `/api/cases/${caseId}/appeal`, { version: decided.body.version, body: 'reconsideration', lodgedOn: '2026-03-03', outcome: 'annulled', decidedOn: '2026-03-05' }).expect(200);
      expect(annulled.body).toMatchObject({ status: 'closed', appealOutcome: 'annulled' });
      expect((await get('agency-fj-1', `/api/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'closed', appealOutcome: 'annulled' });
      expect((await get('agency-fj-1', `/api/licences/${first.id}`).expect(200)).body).toMatchObject({ status: 'active', suspendedUntil: null });
      expect(await publicLicence(first.licenceNumber)).toMatchObject({ valid: true, status: 'active', agency: { creditPoints: 0 } });
      expect(await publicList(uscc)).toEqual([]);
      expect(await pastSanctions('fj-admin', agencyId)).toBeNull();
      const [told] = await t.db.query(`SELECT payload FROM notifications WHERE kind = 'case.appeal_recorded' AND payload->>'caseId' = $1`, [caseId]);
      expect(told.payload).toMatchObject({ outcome: 'annulled', body: 'reconsideration' });
    });
  });

  describe('migration', () => {
    // Last: it takes the table down and up again, as the database owner.
    it('moves each case’s licence into case_licences; a pending case that named none names the licences then in force; runs twice harmlessly', async () => {
      const { agencyId, first, second } = await agencyWithTwoLicences();
      const migration = new CaseLicences1763886500400();
      const owner = await new DataSource({ type: 'postgres', url: t.databaseUrl }).initialize();
      const runner = owner.createQueryRunner();
      try {
        await migration.down(runner);
        const insert = (licenceId: string | null, status: string) =>
          owner.query(
            `INSERT INTO enforcement_cases (agency_id, licence_id, jurisdiction_code, status, proposed_sanction, proposed_suspension_days, legal_basis, facts, opened_by_username, opened_at, decision_due_on)
             VALUES ($1, $2, '350100', $3, 'suspension', 10, 'Basis', 'Facts', 'fz-inspector', now(), '2026-06-01') RETURNING id`,
            [agencyId, licenceId, status],
          ) as Promise<{ id: string }[]>;
        const [[named], [unnamed]] = [await insert(second.id, 'opened'), await insert(null, 'notice_served')];
        await migration.up(runner);
        await migration.up(runner);
        const of = async (caseId: string) => ((await owner.query(`SELECT licence_id FROM case_licences WHERE case_id = $1 ORDER BY licence_id`, [caseId])) as { licence_id: string }[]).map((r) => r.licence_id);
        expect(await of(named.id)).toEqual([second.id]);
        expect(await of(unnamed.id)).toEqual([first.id, second.id].sort());
      } finally {
        await runner.release();
        await owner.destroy();
      }
    });
  });
});
