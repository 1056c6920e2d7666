import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface } from 'typeorm';
import { CaseProposals } from '@app/enforcement';
import { InspectionSanctionsToCases1763886200001 } from '../migrations/1763886200001-inspection-sanctions-to-cases';
import { BilingualSystemCaseTexts1763886400201 } from '../migrations/1763886400201-bilingual-system-case-texts';
import { JobRunner } from '@app/scheduler';
import { expectProblem, login, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { submittedInspection } from './support/case-fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Friday 13 February 2026, 10:00 in Shanghai: 14 Feb is a working Saturday, 15-23 Feb Spring Festival. */
const FRIDAY_BEFORE_SPRING_FESTIVAL = '2026-02-13T02:00:00.000Z';
const at = (date: string) => `${date}T02:00:00.000Z`;

describe('enforcement cases with due process', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);

  /** A new agency in Fuzhou with an active licence; the agency user of the fixtures is moved to it. */
  async function agencyWithLicence(code = '350100'): Promise<{ agencyId: string; licence: { id: string; licenceNumber: string }; uscc: string }> {
    const uscc = testUscc(code);
    const [agency] = await t.db.query(
      `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type) VALUES ($1, '执法测试公司', 'Enforcement test agency', '李某', '某路', $2, 'overseas_placement') RETURNING id`,
      [uscc, code],
    );
    const licence = await insertLicence(t, { agencyId: agency.id, bureauId: world.bureaus.fujian });
    await t.db.query(`UPDATE users SET agency_id = $1 WHERE username = 'agency-fj-1'`, [agency.id]);
    // The agency is in the token: sign in again.
    as['agency-fj-1'] = `Bearer ${(await login(t, 'agency-fj-1')).accessToken}`;
    return { agencyId: agency.id, licence, uscc };
  }

  /** A data migration run twice, as a redeployment would: the second run must change nothing. */
  async function runTwice(migration: MigrationInterface): Promise<void> {
    const runner = t.db.createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }

  async function openCase(agencyId: string, overrides: Record<string, unknown> = {}, user = 'fz-inspector') {
    const response = await post(user, '/api/cases', {
      agencyId,
      grounds: [{ kind: 'inspection', reference: await submittedInspection(t, agencyId), note: 'Passports of workers held' }],
      proposedSanction: 'suspension',
      suspensionDays: 30,
      legalBasis: '人力资源市场暂行条例 第四十五条',
      facts: 'The agency held the passports of 12 workers.',
      ...overrides,
    });
    if (response.status !== 201) throw new Error(`open case: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number; status: string; caseNumber: string };
  }

  describe('transitions', () => {
    it('follow the design: opened → notice_served → representations → hearing_requested → hearing_held → decided → closed, each with an event and an audit record', async () => {
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
      const { agencyId, licence } = await agencyWithLicence();
      const opened = await openCase(agencyId);
      expect(opened).toMatchObject({ status: 'opened', decisionDueOn: '2026-05-14', investigatingOfficerName: 'fz-inspector' });
      // The agency sees nothing until the notice is served.
      expectProblem((await get('agency-fj-1', `/api/cases/${opened.id}`).expect(404)).body, 404);
      // Illegal from opened: decide, record a hearing, appeal.
      const early = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: 1, sanction: 'warning', reasons: 'Decided too soon' }).expect(409);
      expect(early.body.currentStatus).toBe('opened');
      expect((await post('fj-admin', `/api/cases/${opened.id}/appeal`, { version: 1, body: 'reconsideration', lodgedOn: '2026-02-13', outcome: 'upheld', decidedOn: '2026-02-13' }).expect(409)).body.currentStatus).toBe('opened');
      // Only the bureau serves.
      expectProblem((await post('fz-inspector', `/api/cases/${opened.id}/notice`, { version: 1 }).expect(403)).body, 403);
      expectProblem((await post('ln-admin', `/api/cases/${opened.id}/notice`, { version: 1 }).expect(404)).body, 404);
      const served = await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: 1 }).expect(200);
      // 5 working days after Fri 13 Feb across the Spring Festival (Sat 14 Feb works).
      expect(served.body).toMatchObject({ status: 'notice_served', representationDueOn: '2026-02-27', hearingEligible: true, hearingDueOn: '2026-02-27', decisionOpensOn: '2026-02-28', representationWorkingDaysLeft: 5, hearingWorkingDaysLeft: 5 });
      expect(served.body.documents).toEqual([expect.objectContaining({ kind: 'notice', fileName: expect.stringMatching(/^Fujian-HRSS-Enf-2026-No-\d+-notice\.pdf$/) })]);
      expect((await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: served.body.version }).expect(409)).body.currentStatus).toBe('notice_served');
      expect((await post('fj-admin', `/api/cases/${opened.id}/hearing`, { version: served.body.version, heldOn: '2026-02-13', attendees: 'x', minutes: 'y' }).expect(409)).body.currentStatus).toBe('notice_served');
      // The agency is told, and reads the notice as a PDF.
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'case.notice_served' AND payload->>'caseId' = $1`, [opened.id]);
      expect(n).toBe(1);
      const pdf = await get('agency-fj-1', `/api/cases/${opened.id}/documents/${served.body.documents[0].id}`).buffer(true).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
      // Stale version.
      expect((await post('agency-fj-1', `/api/cases/${opened.id}/representations`, { version: 1, text: 'We returned the passports.' }).expect(409)).body.currentVersion).toBe(served.body.version);
      const represented = await post('agency-fj-1', `/api/cases/${opened.id}/representations`, { version: served.body.version, text: 'We returned the passports.' }).expect(200);
      expect(represented.body.status).toBe('representations');
      const requested = await post('agency-fj-1', `/api/cases/${opened.id}/hearing`, { version: represented.body.version, reason: 'We want to be heard' }).expect(200);
      expect(requested.body.status).toBe('hearing_requested');
      // A hearing requested holds the decision until it is held; a waiver now is too late.
      expect((await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: requested.body.version, sanction: 'warning', reasons: 'Without the hearing' }).expect(409)).body.currentStatus).toBe('hearing_requested');
      expect((await post('agency-fj-1', `/api/cases/${opened.id}/waiver`, { version: requested.body.version, statement: 'We waive our rights in writing.' }).expect(409)).body.currentStatus).toBe('hearing_requested');
      const missing = await post('fj-admin', `/api/cases/${opened.id}/hearing`, { version: requested.body.version }).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['heldOn', 'attendees', 'minutes']);
      const held = await post('fj-admin', `/api/cases/${opened.id}/hearing`, { version: requested.body.version, heldOn: '2026-02-13', attendees: 'Agency director; two officers', minutes: 'The agency admitted holding passports.' }).expect(200);
      expect(held.body).toMatchObject({ status: 'hearing_held', decisionOpensOn: null });
      // Heavier than the notice: refused.
      const heavier = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: held.body.version, sanction: 'revocation', reasons: 'Heavier than noticed' }).expect(400);
      expect(heavier.body.errors[0].field).toBe('sanction');
      const decided = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: held.body.version, sanction: 'suspension', suspensionDays: 10, reasons: 'The representations do not answer the facts found.' }).expect(200);
      expect(decided.body).toMatchObject({ status: 'decided', decidedSanction: 'suspension', effectiveOn: '2026-02-13', reconsiderationDueOn: '2026-04-14', litigationDueOn: '2026-08-13', sanctionedLicenceIds: [licence.id] });
      expect(decided.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['notice', 'decision']);
      expect((await post('fj-admin', `/api/cases/${opened.id}/withdraw`, { version: decided.body.version, reason: 'Too late' }).expect(409)).body.currentStatus).toBe('decided');
      const appealed = await post('fj-admin', `/api/cases/${opened.id}/appeal`, { version: decided.body.version, body: 'reconsideration', lodgedOn: '2026-02-13', outcome: 'upheld', decidedOn: '2026-02-13' }).expect(200);
      expect(appealed.body.status).toBe('closed');
      expect(appealed.body.events.map((e: { kind: string; toStatus: string }) => `${e.kind}:${e.toStatus}`)).toEqual([
        'opened:opened',
        'notice:notice_served',
        'representations:representations',
        'requestHearing:hearing_requested',
        'recordHearing:hearing_held',
        'decision:decided',
        'appeal:closed',
      ]);
      const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [opened.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['case.open', 'case.notice', 'case.representations', 'case.requestHearing', 'case.recordHearing', 'case.decision', 'case.appeal']);
    });

    it('withdraws before a decision, never after; the agency sees only its own served cases', async () => {
      const { agencyId } = await agencyWithLicence();
      const opened = await openCase(agencyId, { proposedSanction: 'warning', suspensionDays: undefined });
      const withdrawn = await post('fj-admin', `/api/cases/${opened.id}/withdraw`, { version: opened.version, reason: 'Grounds not made out' }).expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect((await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: withdrawn.body.version }).expect(409)).body.currentStatus).toBe('withdrawn');
      const mine = await get('agency-fj-1', '/api/cases').expect(200);
      expect(mine.body.items.every((c: { agencyId: string; status: string }) => c.agencyId === agencyId && c.status !== 'opened')).toBe(true);
      expectProblem((await post('agency-fj-1', '/api/cases', { agencyId }).expect(403)).body, 403);
    });

    it('a warning gives no hearing right; the same ground again answers the case already open', async () => {
      const { agencyId } = await agencyWithLicence();
      const ground = await submittedInspection(t, agencyId);
      const first = await openCase(agencyId, { proposedSanction: 'warning', suspensionDays: undefined, grounds: [{ kind: 'inspection', reference: ground }] });
      const again = await openCase(agencyId, { proposedSanction: 'warning', suspensionDays: undefined, grounds: [{ kind: 'inspection', reference: ground }] });
      // Grounds that are records must be this agency's, in scope.
      const bogus = await post('fz-inspector', '/api/cases', { agencyId, grounds: [{ kind: 'inspection', reference: randomUUID() }, { kind: 'complaint', reference: randomUUID() }], proposedSanction: 'warning', legalBasis: 'x'.repeat(5), facts: 'y'.repeat(5) }).expect(400);
      expect(bogus.body.errors.map((e: { field: string }) => e.field)).toEqual(['grounds[0].reference', 'grounds[1].reference']);
      expect(again.id).toBe(first.id);
      const served = await post('fj-admin', `/api/cases/${first.id}/notice`, { version: first.version }).expect(200);
      expect(served.body).toMatchObject({ hearingEligible: false, hearingDueOn: null });
      const refused = await post('agency-fj-1', `/api/cases/${first.id}/hearing`, { version: served.body.version }).expect(409);
      expect(refused.body.type).toMatch(/no-hearing-right/);
    });
  });

  describe('windows and deciding officer', () => {
    it('a decision inside the window is refused naming when it opens; after the holiday the window is closed and the decision goes through', async () => {
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
      const { agencyId } = await agencyWithLicence();
      const opened = await openCase(agencyId, { proposedSanction: 'fine', suspensionDays: undefined, fineAmount: 500_000 });
      const served = await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: opened.version }).expect(200);
      // No province threshold set: every fine gives a hearing right.
      expect(served.body).toMatchObject({ hearingEligible: true, representationDueOn: '2026-02-27' });
      t.clock.set(at('2026-02-27'));
      const early = await post('fz-admin', `/api/cases/${opened.id}/decision`, { version: served.body.version, sanction: 'fine', fineAmount: 300_000, reasons: 'Fine reduced for cooperation.' }).expect(409);
      expect(early.body).toMatchObject({ decisionOpensOn: '2026-02-28', currentStatus: 'notice_served' });
      expect(early.body.detail).toContain('2026-02-28');
      const zh = await post('fz-admin', `/api/cases/${opened.id}/decision`, { version: served.body.version, sanction: 'fine', fineAmount: 300_000, reasons: 'Fine reduced.' }).set('accept-language', 'zh-CN').expect(409);
      expect(zh.body.detail).toContain('之前不得作出决定');
      t.clock.set(at('2026-02-28'));
      const late = await post('agency-fj-1', `/api/cases/${opened.id}/representations`, { version: served.body.version, text: 'Too late now.' }).expect(409);
      expect(late.body).toMatchObject({ closedOn: '2026-02-27' });
      // The investigator cannot decide, whatever the window.
      const decided = await post('fz-admin', `/api/cases/${opened.id}/decision`, { version: served.body.version, sanction: 'fine', fineAmount: 300_000, reasons: 'Fine reduced for cooperation.' }).expect(200);
      expect(decided.body).toMatchObject({ status: 'decided', decidedFineAmount: 300_000 });
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
    });

    it('the investigating officer cannot decide; a written waiver allows a decision at once', async () => {
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
      const { agencyId } = await agencyWithLicence();
      const opened = await openCase(agencyId, { proposedSanction: 'warning', suspensionDays: undefined }, 'fz-admin');
      const served = await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: opened.version }).expect(200);
      const waived = await post('agency-fj-1', `/api/cases/${opened.id}/waiver`, { version: served.body.version, statement: 'We waive representations and a hearing.' }).expect(200);
      expect(waived.body).toMatchObject({ status: 'notice_served', decisionOpensOn: null });
      const refused = await post('fz-admin', `/api/cases/${opened.id}/decision`, { version: waived.body.version, sanction: 'warning', reasons: 'I investigated it myself.' }).expect(403);
      expect(refused.body.type).toMatch(/investigator-cannot-decide/);
      await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: waived.body.version, sanction: 'warning', reasons: 'Written warning after waiver.' }).expect(200);
    });

    it('a province large-amount threshold decides which fines give a hearing right', async () => {
      const { agencyId } = await agencyWithLicence();
      expectProblem((await t.http().put('/api/fine-thresholds/350000').set('authorization', as['fj-admin']).send({ largeAmount: 1_000_000 }).expect(403)).body, 403);
      await t.http().put('/api/fine-thresholds/350000').set('authorization', as.ministry).send({ largeAmount: 1_000_000 }).expect(200);
      const small = await openCase(agencyId, { proposedSanction: 'fine', suspensionDays: undefined, fineAmount: 999_999 });
      expect((await post('fj-admin', `/api/cases/${small.id}/notice`, { version: small.version }).expect(200)).body.hearingEligible).toBe(false);
      const large = await openCase(agencyId, { proposedSanction: 'fine', suspensionDays: undefined, fineAmount: 1_000_000, grounds: [{ kind: 'inspection', reference: await submittedInspection(t, agencyId) }] });
      expect((await post('fj-admin', `/api/cases/${large.id}/notice`, { version: large.version }).expect(200)).body.hearingEligible).toBe(true);
      const list = await get('fz-inspector', '/api/fine-thresholds').expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ provinceCode: '350000', largeAmount: 1_000_000, version: 1 })]);
      await t.db.query(`DELETE FROM fine_thresholds`);
    });
  });

  describe('effects', () => {
    it('a suspension decided shows on public verification and the public list at once; an annulment reverses both', async () => {
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
      const { agencyId, licence, uscc } = await agencyWithLicence();
      // Warm the caches first: the change must not wait for them.
      expect((await t.http().get(`/api/public/licences/${licence.licenceNumber}`).expect(200)).body).toMatchObject({ valid: true, status: 'active' });
      expect((await t.http().get(`/api/public/sanctions?q=${uscc}`).expect(200)).body.items).toEqual([]);
      const opened = await openCase(agencyId);
      const served = await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: opened.version }).expect(200);
      const waived = await post('agency-fj-1', `/api/cases/${opened.id}/waiver`, { version: served.body.version, statement: 'We waive representations and a hearing.' }).expect(200);
      const decided = await post('fj-admin', `/api/cases/${opened.id}/decision`, { version: waived.body.version, sanction: 'suspension', suspensionDays: 30, reasons: 'Passports held; no answer given.' }).expect(200);
      expect((await t.http().get(`/api/public/licences/${licence.licenceNumber}`).expect(200)).body).toMatchObject({ valid: false, status: 'suspended', suspendedUntil: '2026-03-14' });
      const listed = await t.http().get(`/api/public/sanctions?q=${uscc}`).expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ caseNumber: opened.caseNumber, sanction: 'suspension', suspensionDays: 30, licenceNumbers: [licence.licenceNumber], effectiveOn: '2026-02-13', summaryZh: expect.stringContaining('违反人力资源市场暂行条例 第四十五条') }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain('fz-inspector');
      const grade = await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200);
      expect(grade.body.credit).toMatchObject({ grade: 'C', points: 12 });
      expect((await t.http().get(`/api/public/licences/${licence.licenceNumber}`).expect(200)).body.agency.creditGrade).toBe('C');
      const entry = await t.http().get(`/api/public/agencies?q=${uscc}`).expect(200);
      expect(entry.body.items[0]).toMatchObject({ creditGrade: 'C', creditPoints: 12, creditReasons: [{ points: 12, reason: `${opened.caseNumber}: suspension`, awardedOn: '2026-02-13' }] });
      const annulled = await post('fj-admin', `/api/cases/${opened.id}/appeal`, { version: decided.body.version, body: 'reconsideration', lodgedOn: '2026-02-13', outcome: 'annulled', decidedOn: '2026-02-13', note: 'Passports were with the workers' }).expect(200);
      expect(annulled.body).toMatchObject({ status: 'closed', appealOutcome: 'annulled' });
      expect((await t.http().get(`/api/public/licences/${licence.licenceNumber}`).expect(200)).body).toMatchObject({ valid: true, status: 'active' });
      expect((await t.http().get(`/api/public/sanctions?q=${uscc}`).expect(200)).body.items).toEqual([]);
      const events = await get('fj-admin', `/api/licences/${licence.id}`).expect(200);
      expect(events.body.events.at(-1)).toMatchObject({ kind: 'reinstated', details: expect.objectContaining({ caseNumber: opened.caseNumber, appeal: expect.objectContaining({ outcome: 'annulled' }) }) });
      expect((await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200)).body.credit).toMatchObject({ points: 0 });
    });

    it("an inspection's sanction proposal opens a case and leaves the licence alone; the bureau's call finds the same case", async () => {
      const { agencyId, licence } = await agencyWithLicence();
      const submitted = await inspect(t, as['fz-inspector'], agencyId, {
        templateId: await seededTemplateId(t),
        inspectionDate: '2026-02-10',
        results: { 'PRO-1': 'non_compliant' },
        sanctionProposal: { sanction: 'suspension', suspensionDays: 30, reason: 'Passports held' },
      });
      const cases = await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200);
      expect(cases.body.items).toEqual([expect.objectContaining({ status: 'opened', proposedSanction: 'suspension', proposedSuspensionDays: 30, investigatingOfficerName: 'fz-inspector' })]);
      const detail = await get('fj-admin', `/api/cases/${cases.body.items[0].id}`).expect(200);
      expect(detail.body.grounds).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'inspection', reference: submitted.id }), expect.objectContaining({ kind: 'finding', reference: `${submitted.id}/PRO-1` })]));
      const closed = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'suspension', suspensionDays: 30, reason: 'Refer to a case', version: submitted.version }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', sanctionedLicenceIds: [] });
      expect((await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200)).body.items).toHaveLength(1);
      expect((await get('fj-admin', `/api/licences/${licence.id}`).expect(200)).body.status).toBe('active');
    });

    it('a case an inspection refers without the inspector’s words states its facts and grounds in Chinese first, the outcome by name', async () => {
      const { agencyId } = await agencyWithLicence();
      const submitted = await inspect(t, as['fz-inspector'], agencyId, {
        templateId: await seededTemplateId(t),
        inspectionDate: '2026-02-11',
        results: { 'PRO-1': 'non_compliant' },
        sanctionProposal: { sanction: 'warning' },
      });
      const [listed] = (await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200)).body.items;
      const detail = await get('fj-admin', `/api/cases/${listed.id}`).expect(200);
      expect(detail.body).toMatchObject({ facts: '2026-02-11 检查发现不合规项：PRO-1。', factsEn: 'The inspection of 2026-02-11 found: PRO-1.' });
      expect(detail.body).toMatchObject({ legalBasis: '人力资源市场暂行条例；检查发现', legalBasisEn: 'Interim Regulation on the Human Resources Market; inspection findings' });
      expect(detail.body.grounds).toEqual(
        expect.arrayContaining([
          { kind: 'inspection', reference: submitted.id, label: { zh: '2026-02-11 检查', en: 'Inspection of 2026-02-11' }, note: null, inspectionOutcome: submitted.outcome },
          { kind: 'finding', reference: `${submitted.id}/PRO-1`, label: { zh: '2026-02-11 检查的检查项 PRO-1 不合规', en: 'Item PRO-1 non-compliant (inspection of 2026-02-11)' }, note: null, inspectionOutcome: null },
        ]),
      );
      // The outcome is a code in its own field, for the web app to name; never inside the texts.
      expect(JSON.stringify([detail.body.facts, detail.body.factsEn, detail.body.legalBasis, ...detail.body.grounds.map((g: { label: unknown }) => g.label)])).not.toContain(submitted.outcome);
      // Another province's bureau sees neither the case nor, through it, the inspection.
      expectProblem((await get('ln-admin', `/api/cases/${listed.id}`).expect(404)).body, 404);
    });

    it('rewrites the English-only texts of cases the system opened before, and leaves officers’ words alone', async () => {
      const { agencyId } = await agencyWithLicence();
      const inspectionId = randomUUID();
      const [referred] = await t.db.query(
        `INSERT INTO enforcement_cases (agency_id, jurisdiction_code, status, proposed_sanction, legal_basis, facts, opened_by_username, opened_at, decision_due_on)
         VALUES ($1, '350100', 'opened', 'warning', '人力资源市场暂行条例 / Interim Regulation on the Human Resources Market; inspection findings', 'The inspection of 2026-02-01 found: critical_violation', 'fz-inspector', now(), '2026-05-01') RETURNING id`,
        [agencyId],
      );
      await t.db.query(
        `INSERT INTO case_grounds (case_id, kind, reference, note) VALUES ($1, 'inspection', $2, 'Inspection of 2026-02-01: critical_violation'), ($1, 'finding', $2 || '/PRO-1', 'Item PRO-1 non-compliant')`,
        [referred.id, inspectionId],
      );
      const [graded] = await t.db.query(
        `INSERT INTO enforcement_cases (agency_id, jurisdiction_code, status, proposed_sanction, legal_basis, facts, opened_by_username, opened_at, decision_due_on)
         VALUES ($1, '350100', 'opened', 'revocation', 'Demerit points: grade D (24 or more points in 24 months)',
                 'The agency has held credit grade D since 2026-01-05: 24 or more demerit points in the last 24 months.', 'system', now(), '2026-05-01') RETURNING id`,
        [agencyId],
      );
      const [officer] = await t.db.query(
        `INSERT INTO enforcement_cases (agency_id, jurisdiction_code, status, proposed_sanction, legal_basis, facts, opened_by_username, opened_at, decision_due_on)
         VALUES ($1, '350100', 'opened', 'warning', 'An officer''s basis', 'Passports of workers held.', 'fz-inspector', now(), '2026-05-01') RETURNING id`,
        [agencyId],
      );
      await runTwice(new BilingualSystemCaseTexts1763886400201());
      const read = async (id: string) => (await t.db.query(`SELECT facts, legal_basis FROM enforcement_cases WHERE id = $1`, [id]))[0];
      expect(await read(referred.id)).toEqual({
        facts: '2026-02-01 检查结论：重大违规。 / The inspection of 2026-02-01 found: critical violation.',
        legal_basis: '人力资源市场暂行条例；检查发现 / Interim Regulation on the Human Resources Market; inspection findings',
      });
      expect((await t.db.query(`SELECT kind, note FROM case_grounds WHERE case_id = $1 ORDER BY kind`, [referred.id])).map((g: { note: string }) => g.note)).toEqual([
        '检查项 PRO-1 不合规 / Item PRO-1 non-compliant',
        '2026-02-01 检查 / Inspection of 2026-02-01',
      ]);
      expect(await read(graded.id)).toEqual({
        facts: '该机构自 2026-01-05 起信用等级为 D：最近 24 个月内累计记分 24 分及以上。 / The agency has held credit grade D since 2026-01-05: 24 or more demerit points in the last 24 months.',
        legal_basis: '信用记分：D 级（24 个月内累计 24 分及以上） / Demerit points: grade D (24 or more points in 24 months)',
      });
      expect(await read(officer.id)).toEqual({ facts: 'Passports of workers held.', legal_basis: 'An officer\'s basis' });
    });

    it('migrates decided inspection sanctions into closed cases, once', async () => {
      const { agencyId } = await agencyWithLicence();
      const submitted = await inspect(t, as['fz-inspector'], agencyId, { templateId: await seededTemplateId(t), inspectionDate: '2026-02-10', results: { 'PRO-1': 'non_compliant' } });
      await t.db.query(
        `UPDATE inspections SET status = 'closed', sanction_decision = 'fine', decided_fine_amount = 5000, sanction_decision_reason = 'Old decision', sanction_decided_by = $2, sanction_decided_at = now() WHERE id = $1`,
        [submitted.id, world.users['fj-admin']],
      );
      await runTwice(new InspectionSanctionsToCases1763886200001());
      const cases = await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200);
      expect(cases.body.items).toEqual([expect.objectContaining({ status: 'closed', decidedSanction: 'fine', decidedFineAmount: 500_000 })]);
    });
  });

  describe('demerit points and credit grades', () => {
    const award = (agencyId: string, points: number, awardedOn: string) =>
      t.db.query(`INSERT INTO demerit_points (agency_id, source, source_id, points, reason, awarded_on) VALUES ($1, 'case', gen_random_uuid(), $2, 'test', $3)`, [agencyId, points, awardedOn]);
    const runGrades = () => t.app.get(JobRunner).runJob('credit-grades', 'test');
    const gradeOf = async (agencyId: string) => (await t.db.query(`SELECT grade, points FROM agency_credit_grades WHERE agency_id = $1`, [agencyId]))[0];

    it('grades at the boundaries 11/12 and 23/24; points older than 24 months roll off', async () => {
      t.clock.set(at('2026-06-15'));
      const agencies = await Promise.all([11, 12, 23, 24].map(async () => (await agencyWithLicence()).agencyId));
      await Promise.all([11, 12, 23, 24].map((points, i) => award(agencies[i], points, '2026-06-01')));
      const old = (await agencyWithLicence()).agencyId;
      await award(old, 24, '2024-06-15');
      await award(old, 5, '2024-06-16');
      await runGrades();
      expect(await Promise.all(agencies.map(gradeOf))).toEqual([
        { grade: 'B', points: 11 },
        { grade: 'C', points: 12 },
        { grade: 'C', points: 23 },
        { grade: 'D', points: 24 },
      ]);
      // Complaints alone never go past B: they count for 11 points at most.
      const complained = (await agencyWithLicence()).agencyId;
      await t.db.query(`INSERT INTO demerit_points (agency_id, source, source_id, points, reason, awarded_on) VALUES ($1, 'complaint', gen_random_uuid(), 30, 'Substantiated complaint (urgent)', '2026-06-01')`, [complained]);
      await runGrades();
      expect(await gradeOf(complained)).toEqual({ grade: 'B', points: 11 });
      // 24 months to the day: the first award rolled off, the second still counts.
      expect(await gradeOf(old)).toEqual({ grade: 'B', points: 5 });
      t.clock.set(at('2026-06-17'));
      await runGrades();
      expect(await gradeOf(old)).toEqual({ grade: 'B', points: 0 });
    });

    it('a D grade opens exactly one proposed revocation case, however often the job runs and with two workers at once', async () => {
      t.clock.set(at('2026-06-15'));
      const { agencyId } = await agencyWithLicence();
      await award(agencyId, 30, '2026-06-01');
      await Promise.all([runGrades(), runGrades()]);
      await runGrades();
      const cases = t.app.get(CaseProposals);
      const ds = t.app.get(DataSource);
      const [{ grade_since: since }] = await t.db.query(`SELECT grade_since::text FROM agency_credit_grades WHERE agency_id = $1`, [agencyId]);
      await Promise.all([1, 2, 3].map(() => ds.transaction((m) => cases.proposeForGradeD(m, [{ agencyId, gradeSince: since }]))));
      const proposed = await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200);
      expect(proposed.body.items).toEqual([expect.objectContaining({ status: 'opened', proposedSanction: 'revocation', openedByUsername: 'system', investigatingOfficerId: null })]);
      expect(proposed.body.items[0]).toMatchObject({
        facts: `该机构自 ${since} 起信用等级为 D：最近 24 个月内累计记分 24 分及以上。`,
        factsEn: `The agency has held credit grade D since ${since}: 24 or more demerit points in the last 24 months.`,
      });
      const profile = await get('fj-admin', `/api/agencies/${agencyId}/profile`).expect(200);
      expect(profile.body.credit).toMatchObject({ grade: 'D', points: 30, reasons: [expect.objectContaining({ points: 30, awardedOn: '2026-06-01', expiresOn: '2028-06-01' })] });
    });

    it('rules are the ministry’s to change', async () => {
      const rules = await get('fj-admin', '/api/demerit-rules').expect(200);
      const warning = rules.body.items.find((r: { source: string; key: string }) => r.source === 'sanction' && r.key === 'warning');
      expect(warning).toMatchObject({ points: 3 });
      expectProblem((await t.http().put(`/api/demerit-rules/${warning.id}`).set('authorization', as['fj-admin']).send({ points: 4, version: warning.version }).expect(403)).body, 403);
      const changed = await t.http().put(`/api/demerit-rules/${warning.id}`).set('authorization', as.ministry).send({ points: 4, version: warning.version }).expect(200);
      expect(changed.body).toMatchObject({ points: 4, version: warning.version + 1 });
      await t.http().put(`/api/demerit-rules/${warning.id}`).set('authorization', as.ministry).send({ points: 3, version: warning.version }).expect(409);
    });
  });

  describe('case-deadlines job', () => {
    it('tells the agency a window is closing, reminds the bureau at 60 days, flags overdue after 90, closes ended appeal windows', async () => {
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
      const { agencyId } = await agencyWithLicence();
      const opened = await openCase(agencyId, { proposedSanction: 'warning', suspensionDays: undefined });
      await post('fj-admin', `/api/cases/${opened.id}/notice`, { version: opened.version }).expect(200);
      t.clock.set(at('2026-02-26'));
      const run = () => t.app.get(JobRunner).runJob('case-deadlines', 'test');
      await run();
      const closing = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'case.window_closing' AND payload->>'caseId' = $1`, [opened.id]);
      expect(closing[0].n).toBeGreaterThan(0);
      t.clock.set(at('2026-04-15'));
      await run();
      await run();
      const due = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'case.decision_due' AND payload->>'caseId' = $1`, [opened.id]);
      expect(due[0].n).toBeGreaterThan(0);
      t.clock.set(at('2026-05-20'));
      await run();
      expect((await get('fj-admin', `/api/cases/${opened.id}`).expect(200)).body.overdue).toBe(true);
      expect((await get('fj-admin', '/api/cases?overdue=true').expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(opened.id);
      t.clock.set(FRIDAY_BEFORE_SPRING_FESTIVAL);
    });
  });
});
