import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, login, seedWorld, signInAll, testUscc, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { findingsFor, insertUser, inspect, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A checklist whose points reach every outcome band exactly: 0, 15 (minor) and 16 (serious). */
const BANDS_TEMPLATE = {
  code: 'BANDS',
  kind: 'inspection',
  titleZh: '分档测试清单',
  titleEn: 'Band test checklist',
  items: [
    { code: 'CRIT', section: 'LIC', criticality: 'critical', points: 0, legalBasis: 'C181 Art.3', textZh: '关键项', textEn: 'Critical item' },
    { code: 'P15', section: 'FEE', criticality: 'major', points: 15, textZh: '十五分项', textEn: 'Fifteen points' },
    { code: 'P1', section: 'GOV', criticality: 'minor', points: 1, textZh: '一分项', textEn: 'One point' },
  ],
};

describe('checklists and inspections', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let seededId: string;
  let bandsId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    await insertUser(t, 'ln-inspector', 'inspector', world.bureaus.liaoning);
    as = await signInAll(t);
    as['ln-inspector'] = `Bearer ${(await login(t, 'ln-inspector')).accessToken}`;
    seededId = await seededTemplateId(t);
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);
  const put = (user: string, path: string, body: Record<string, unknown>) => t.http().put(path).set('authorization', as[user]).send(body);

  describe('checklist templates', () => {
    it('are seeded from the reference checklists with both languages; Accept-Language picks the primary text', async () => {
      const zh = await get('ministry', `/api/checklist-templates/${seededId}`).expect(200);
      expect(zh.body).toMatchObject({ code: 'ILO-INSPECTION', kind: 'inspection', version: 1, status: 'published', language: 'zh-CN' });
      expect(zh.body.items).toHaveLength(23);
      expect(zh.body.items[0]).toMatchObject({ code: 'LIC-1', criticality: 'critical', points: 0, legalBasis: 'C181 Art.3', text: '机构持有有效许可证并公示。', textEn: 'The agency holds a valid licence and displays it.' });
      const en = await get('ministry', `/api/checklist-templates/${seededId}`).set('accept-language', 'en').expect(200);
      expect(en.body.items[0]).toMatchObject({ text: 'The agency holds a valid licence and displays it.', textZh: '机构持有有效许可证并公示。' });
      const list = await get('fj-inspector', '/api/checklist-templates?kind=self_assessment').expect(200);
      expect(list.body.items.map((i: { code: string }) => i.code)).toEqual(['ILO-SELF-ASSESSMENT']);
      expect(list.body.items[0].items).toHaveLength(29);
    });

    it('are written by the ministry only, validated field by field', async () => {
      expectProblem((await post('fj-admin', '/api/checklist-templates', BANDS_TEMPLATE).expect(403)).body, 403);
      const bad = await post('ministry', '/api/checklist-templates', { ...BANDS_TEMPLATE, items: [{ ...BANDS_TEMPLATE.items[0], criticality: 'fatal', points: -1 }] }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['items[0].criticality', 'items[0].points']);
      const duplicate = await post('ministry', '/api/checklist-templates', { ...BANDS_TEMPLATE, items: [BANDS_TEMPLATE.items[0], BANDS_TEMPLATE.items[0]] }).expect(400);
      expect(duplicate.body.errors[0].message).toMatch(/CRIT appears more than once/);
    });

    it('publish once; a published version never changes, a change is a new version', async () => {
      const draft = await post('ministry', '/api/checklist-templates', BANDS_TEMPLATE).expect(201);
      expect(draft.body).toMatchObject({ code: 'BANDS', version: 1, status: 'draft' });
      // A draft cannot be inspected by.
      const early = await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10', templateId: draft.body.id }).expect(400);
      expect(early.body.errors[0].field).toBe('templateId');
      const published = await post('ministry', `/api/checklist-templates/${draft.body.id}/publish`, {}).expect(200);
      expect(published.body.status).toBe('published');
      const again = await post('ministry', `/api/checklist-templates/${draft.body.id}/publish`, {}).expect(409);
      expect(again.body.currentStatus).toBe('published');
      await expect(t.db.query(`UPDATE checklist_items SET points = 99 WHERE template_id = $1`, [draft.body.id])).rejects.toThrow(/published/);
      const next = await post('ministry', '/api/checklist-templates', { ...BANDS_TEMPLATE, kind: 'inspection' }).expect(201);
      expect(next.body.version).toBe(2);
      const otherKind = await post('ministry', '/api/checklist-templates', { ...BANDS_TEMPLATE, kind: 'self_assessment' }).expect(400);
      expect(otherKind.body.errors[0].field).toBe('kind');
      bandsId = draft.body.id;
    });
  });

  describe('scoring on submit', () => {
    it('a failed critical item gives critical_violation and a corrective action per non-compliant item', async () => {
      const submitted = await inspect(t, as['fj-inspector'], world.agencies.fuzhou, { templateId: seededId, results: { 'FEE-1': 'non_compliant', 'GOV-2': 'non_compliant', 'DST-3': 'not_applicable' } });
      expect(submitted).toMatchObject({ status: 'submitted', outcome: 'critical_violation', violationPoints: 3 });
      // 22 applicable items, 20 compliant.
      expect(submitted.score).toBe(90.91);
      const detail = await get('fj-inspector', `/api/inspections/${submitted.id}`).expect(200);
      expect(detail.body.correctiveActions.map((a: { itemCode: string; dueOn: string }) => [a.itemCode, a.dueOn])).toEqual([
        ['FEE-1', '2026-06-30'],
        ['GOV-2', '2026-08-14'],
      ]);
    });

    it.each([
      [{}, 'compliant', 0],
      [{ P15: 'non_compliant' }, 'minor_issues', 15],
      [{ P15: 'non_compliant', P1: 'non_compliant' }, 'serious_violation', 16],
      [{ CRIT: 'non_compliant' }, 'critical_violation', 0],
    ] as const)('findings %j give %s at %i points', async (results, outcome, points) => {
      const submitted = await inspect(t, as['fj-inspector'], world.agencies.xiamen, { templateId: bandsId, results });
      expect(submitted).toMatchObject({ outcome, violationPoints: points });
      const followUps = await get('fj-inspector', `/api/inspections?type=follow_up&agencyId=${world.agencies.xiamen}`).expect(200);
      const mine = followUps.body.items.filter((i: { followUpOfId: string }) => i.followUpOfId === submitted.id);
      // Only a serious violation plans a follow-up visit, 30 days after submission.
      expect(mine).toEqual(outcome === 'serious_violation' ? [expect.objectContaining({ status: 'planned', inspectionDate: '2026-07-15', templateId: bandsId })] : []);
    });
  });

  describe('findings', () => {
    it('must name every item once, nothing else, at the version read', async () => {
      const created = await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'thematic', inspectionDate: '2026-06-12', templateId: bandsId }).expect(201);
      const path = `/api/inspections/${created.body.id}/findings`;
      const bad = await put('fj-inspector', path, { findings: [{ itemCode: 'CRIT', result: 'compliant' }, { itemCode: 'NOPE', result: 'compliant' }, { itemCode: 'P1', result: 'maybe' }], version: 1 }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['findings[2].result']);
      const unknown = await put('fj-inspector', path, { findings: [{ itemCode: 'CRIT', result: 'compliant' }, { itemCode: 'NOPE', result: 'compliant' }], version: 1 }).expect(400);
      expect(unknown.body.errors).toEqual([
        { field: 'findings[1].itemCode', message: expect.stringMatching(/NOPE is not an item/) },
        { field: 'findings', message: expect.stringMatching(/missing: P15, P1/) },
      ]);
      const ok = await put('fj-inspector', path, { findings: findingsFor(['CRIT', 'P15', 'P1']), version: 1 }).expect(200);
      expect(ok.body).toMatchObject({ status: 'in_progress', version: 2 });
      const stale = await put('fj-inspector', path, { findings: findingsFor(['CRIT', 'P15', 'P1']), version: 1 }).expect(409);
      expect(stale.body.currentVersion).toBe(2);
      const staleSubmit = await post('fj-inspector', `/api/inspections/${created.body.id}/submit`, { version: 1 }).expect(409);
      expectProblem(staleSubmit.body, 409);
    });

    it('are immutable after submission; a correction is an audited addendum beside them', async () => {
      const submitted = await inspect(t, as['fj-inspector'], world.agencies.fuzhou, { templateId: bandsId, results: { P1: 'non_compliant' } });
      const refused = await put('fj-inspector', `/api/inspections/${submitted.id}/findings`, { findings: findingsFor(['CRIT', 'P15', 'P1']), version: submitted.version }).expect(409);
      expect(refused.body).toMatchObject({ currentStatus: 'submitted' });
      const resubmit = await post('fj-inspector', `/api/inspections/${submitted.id}/submit`, { version: submitted.version }).expect(409);
      expect(resubmit.body.currentStatus).toBe('submitted');
      const bad = await post('fj-inspector', `/api/inspections/${submitted.id}/addenda`, { itemCode: 'NOPE', note: 'typo' }).expect(400);
      expect(bad.body.errors[0].field).toBe('itemCode');
      await post('fj-inspector', `/api/inspections/${submitted.id}/addenda`, { itemCode: 'P1', correctedResult: 'compliant', note: 'The records were found the next day.' }).expect(201);
      const detail = await get('fj-admin', `/api/inspections/${submitted.id}`).set('accept-language', 'en').expect(200);
      expect(detail.body.findings.find((f: { itemCode: string }) => f.itemCode === 'P1')).toMatchObject({ result: 'non_compliant', text: 'One point' });
      expect(detail.body.addenda).toEqual([expect.objectContaining({ itemCode: 'P1', correctedResult: 'compliant', authorUsername: 'fj-inspector' })]);
      expect(detail.body).toMatchObject({ outcome: 'minor_issues', violationPoints: 1 });
      const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'inspection.addendum'`, [submitted.id]);
      expect(audit.n).toBe(1);
    });
  });

  describe('access', () => {
    it('refuses roles that do not inspect (403) and agencies out of scope (404)', async () => {
      const body = { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10' };
      expectProblem((await post('agency-fj-1', '/api/inspections', body).expect(403)).body, 403);
      expectProblem((await post('ministry', '/api/inspections', body).expect(403)).body, 403);
      expectProblem((await post('ln-inspector', '/api/inspections', body).expect(404)).body, 404);
      expectProblem((await post('fz-inspector', '/api/inspections', { ...body, agencyId: world.agencies.xiamen }).expect(404)).body, 404);
      const invalid = await post('fj-inspector', '/api/inspections', { ...body, type: 'surprise', inspectionDate: '15/06/2026' }).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['inspectionDate', 'type']);
    });

    it('an inspector of another province cannot see or change a Fujian inspection (404)', async () => {
      const submitted = await inspect(t, as['fj-inspector'], world.agencies.fuzhou, { templateId: bandsId });
      expectProblem((await get('ln-inspector', `/api/inspections/${submitted.id}`).expect(404)).body, 404);
      await post('ln-inspector', `/api/inspections/${submitted.id}/addenda`, { note: 'not mine' }).expect(404);
      const lnList = await get('ln-inspector', '/api/inspections').expect(200);
      expect(lnList.body.items).toEqual([]);
      await get('ministry', `/api/inspections/${submitted.id}`).expect(200);
      // The agency sees its own inspections once submitted, never a visit still planned.
      await get('agency-fj-1', `/api/inspections/${submitted.id}`).expect(200);
      const planned = await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-07-01' }).expect(201);
      await get('agency-fj-1', `/api/inspections/${planned.body.id}`).expect(404);
      const own = await get('agency-fj-1', '/api/inspections').expect(200);
      expect(own.body.items.every((i: { status: string; agencyId: string }) => ['submitted', 'closed'].includes(i.status) && i.agencyId === world.agencies.fuzhou)).toBe(true);
      const profile = await get('agency-fj-1', `/api/agencies/${world.agencies.fuzhou}/profile`).expect(200);
      expect(profile.body.inspections.map((i: { id: string }) => i.id)).not.toContain(planned.body.id);
    });
  });

  describe('corrective actions', () => {
    it('the agency answers, the inspector verifies or reopens', async () => {
      const submitted = await inspect(t, as['fz-inspector'], world.agencies.fuzhou, { templateId: bandsId, results: { P1: 'non_compliant', P15: 'non_compliant' } });
      const list = await get('agency-fj-1', `/api/corrective-actions?inspectionId=${submitted.id}`).expect(200);
      expect(list.body.items).toHaveLength(2);
      const [first, second] = list.body.items as { id: string; version: number }[];
      const patch = (user: string, id: string, body: Record<string, unknown>) => t.http().patch(`/api/corrective-actions/${id}`).set('authorization', as[user]).send(body);
      expectProblem((await patch('fz-inspector', first.id, { action: 'submit', response: 'done', version: first.version }).expect(403)).body, 403);
      const missing = await patch('agency-fj-1', first.id, { action: 'submit', version: first.version }).expect(400);
      expect(missing.body.errors[0].field).toBe('response');
      const answered = await patch('agency-fj-1', first.id, { action: 'submit', response: 'Registers completed and filed.', version: first.version }).expect(200);
      expect(answered.body.status).toBe('submitted');
      expectProblem((await patch('agency-fj-1', first.id, { action: 'verify', version: answered.body.version }).expect(403)).body, 403);
      await patch('fz-inspector', first.id, { action: 'verify', version: answered.body.version - 1 }).expect(409);
      const verified = await patch('fz-inspector', first.id, { action: 'verify', note: 'Checked on site.', version: answered.body.version }).expect(200);
      expect(verified.body.status).toBe('verified');
      const illegal = await patch('agency-fj-1', first.id, { action: 'submit', response: 'again', version: verified.body.version }).expect(409);
      expect(illegal.body.currentStatus).toBe('verified');
      const answered2 = await patch('agency-fj-1', second.id, { action: 'submit', response: 'Fee schedule posted.', version: second.version }).expect(200);
      const reopened = await patch('fz-inspector', second.id, { action: 'reopen', note: 'Not posted online.', dueOn: '2026-07-31', version: answered2.body.version }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', dueOn: '2026-07-31', inspectorNote: 'Not posted online.' });
      await patch('xm-admin', second.id, { action: 'verify', version: reopened.body.version }).expect(404);
    });
  });

  describe('cancellation', () => {
    it('calls off an inspection not yet submitted, once', async () => {
      const receipt = await t.http().post('/api/public/complaints').send(complaintBody()).expect(201);
      const [{ id: complaintId }] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string }[];
      const created = await post('fz-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'complaint', inspectionDate: '2026-06-20', complaintId }).expect(201);
      expect(created.body.complaintId).toBe(complaintId);
      const linked = await get('fj-admin', `/api/inspections?complaintId=${complaintId}`).expect(200);
      expect(linked.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
      expectProblem((await post('agency-fj-1', `/api/inspections/${created.body.id}/cancel`, { reason: 'not needed', version: 1 }).expect(403)).body, 403);
      const noReason = await post('fz-inspector', `/api/inspections/${created.body.id}/cancel`, { version: 1 }).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const cancelled = await post('fz-inspector', `/api/inspections/${created.body.id}/cancel`, { reason: 'Complaint withdrawn', version: 1 }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Complaint withdrawn', outcome: null });
      const again = await post('fz-inspector', `/api/inspections/${created.body.id}/cancel`, { reason: 'again', version: cancelled.body.version }).expect(409);
      expect(again.body.currentStatus).toBe('cancelled');
      await put('fz-inspector', `/api/inspections/${created.body.id}/findings`, { findings: [], version: cancelled.body.version }).expect(409);
    });
  });

  describe('corrective action deadlines (for the scheduled job)', () => {
    it('lists actions due on given dates and marks those past due overdue, once, raising the risk', async () => {
      const { CorrectiveActionsService } = await import('@app/inspections');
      const service = t.app.get(CorrectiveActionsService);
      const due = await service.dueOn(['2026-06-30']);
      expect(due.length).toBeGreaterThan(0);
      expect(due.every((d) => d.dueOn === '2026-06-30' && d.itemCode)).toBe(true);
      t.clock.set('2026-07-01T02:00:00Z');
      try {
        const overdue = await service.markOverdue();
        expect(overdue.map((o) => o.id).sort()).toEqual(due.map((d) => d.id).sort());
        expect(await service.markOverdue()).toEqual([]);
        const list = await get('fj-admin', '/api/corrective-actions?status=overdue').expect(200);
        expect(list.body.items.length).toBe(overdue.length);
        const [risk] = await t.db.query(`SELECT risk_factors FROM agencies WHERE id = $1`, [overdue[0].agencyId]);
        expect(risk.risk_factors).toEqual(expect.arrayContaining([expect.objectContaining({ factor: 'corrective_actions', detail: expect.stringMatching(/[1-9] overdue/) })]));
      } finally {
        t.clock.set('2026-06-15T02:00:00Z');
      }
    });
  });

  describe('sanction decision', () => {
    it("the bureau's call on a proposal closes the inspection and opens an enforcement case; the licence changes only on the case's decision", async () => {
      const licence = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.fujian });
      const submitted = await inspect(t, as['fj-inspector'], world.agencies.xiamen, {
        templateId: seededId,
        results: { 'PRO-1': 'non_compliant' },
        sanctionProposal: { sanction: 'suspension', suspensionDays: 30, reason: 'Passports held' },
      });
      expect(submitted).toMatchObject({ outcome: 'critical_violation', sanctionProposal: 'suspension' });
      const decision = { sanction: 'suspension', suspensionDays: 30, reason: 'Workers passports were held', version: submitted.version };
      expectProblem((await post('fj-inspector', `/api/inspections/${submitted.id}/sanction-decision`, decision).expect(403)).body, 403);
      expectProblem((await post('ln-admin', `/api/inspections/${submitted.id}/sanction-decision`, decision).expect(404)).body, 404);
      const noDays = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { ...decision, suspensionDays: undefined }).expect(400);
      expect(noDays.body.errors).toEqual([{ field: 'suspensionDays', message: 'a suspension needs suspensionDays' }]);
      await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { ...decision, version: submitted.version + 5 }).expect(409);
      const decided = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, decision).expect(200);
      expect(decided.body).toMatchObject({ status: 'closed', sanctionDecision: 'suspension', decidedSuspensionDays: 30, sanctionedLicenceIds: [] });
      const after = await get('fj-admin', `/api/licences/${licence.id}`).expect(200);
      expect(after.body).toMatchObject({ status: 'active' });
      const cases = await get('fj-admin', `/api/cases?agencyId=${world.agencies.xiamen}&status=opened`).expect(200);
      expect(cases.body.items).toEqual([expect.objectContaining({ proposedSanction: 'suspension', proposedSuspensionDays: 30 })]);
      const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [submitted.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['inspection.submit', 'inspection.sanction_decision']));
      const twice = await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { ...decision, version: decided.body.version }).expect(409);
      expect(twice.body.currentStatus).toBe('closed');
    });

    it('none closes the inspection without a case', async () => {
      const agency = await t.db.query(
        `INSERT INTO agencies (uscc, name_zh, legal_representative, address, jurisdiction_code, agency_type)
         VALUES ($1, '无处罚测试公司', '王某', '某路', '350100', 'domestic_placement') RETURNING id`,
        [testUscc('350100')],
      );
      const agencyId = agency[0].id as string;
      const submitted = await inspect(t, as['fj-inspector'], agencyId, { templateId: bandsId, results: { CRIT: 'non_compliant' } });
      await post('fj-admin', `/api/inspections/${submitted.id}/sanction-decision`, { sanction: 'none', reason: 'Put right on the spot', version: submitted.version }).expect(200);
      expect((await get('fj-admin', `/api/cases?agencyId=${agencyId}`).expect(200)).body.items).toEqual([]);
    });
  });

  describe('risk priorities', () => {
    it('rank the agencies in scope, each score the sum of its factors', async () => {
      const ranked = await get('fj-admin', '/api/inspections/priorities').expect(200);
      const items = ranked.body.items as { rank: number; agencyId: string; score: number; factors: { factor: string; points: number; detail: string }[] }[];
      expect(items.map((i) => i.agencyId)).not.toContain(world.agencies.shenyang);
      for (const [index, item] of items.entries()) {
        expect(item.rank).toBe(index + 1);
        expect(item.score).toBe(Math.min(100, item.factors.reduce((sum, f) => sum + f.points, 0)));
        if (index > 0) expect(item.score).toBeLessThanOrEqual(items[index - 1].score);
      }
      const xiamen = items.find((i) => i.agencyId === world.agencies.xiamen);
      expect(xiamen?.factors).toEqual(expect.arrayContaining([expect.objectContaining({ factor: 'last_inspection', points: 35, detail: expect.stringMatching(/critical_violation/) })]));
      // The bureau's call only referred the suspension to a case, still undecided: it is no past sanction.
      expect(xiamen?.factors.map((f) => f.factor)).not.toContain('past_sanctions');
      // Liaoning sees its own agency, never inspected.
      const ln = await get('ln-admin', '/api/inspections/priorities').expect(200);
      expect(ln.body.items).toEqual([expect.objectContaining({ agencyId: world.agencies.shenyang, score: 25, factors: [{ factor: 'last_inspection', points: 25, detail: 'never inspected', detailZh: '从未检查', detailEn: 'never inspected' }] })]);
      expectProblem((await get('agency-fj-1', '/api/inspections/priorities').expect(403)).body, 403);
    });

    it('shows on the agency profile, and recomputeAll stores every score', async () => {
      const profile = await get('fj-admin', `/api/agencies/${world.agencies.xiamen}/profile`).expect(200);
      expect(profile.body.risk.score).toBeGreaterThan(0);
      expect(profile.body.inspections.length).toBeGreaterThan(0);
      expect(profile.body.selfAssessments).toEqual([]);
      const { RiskService } = await import('@app/inspections');
      const result = await t.app.get(RiskService).recomputeAll();
      expect(result.agencies).toBeGreaterThanOrEqual(3);
      const [shenyang] = await t.db.query(`SELECT risk_score::float AS score, risk_factors FROM agencies WHERE id = $1`, [world.agencies.shenyang]);
      expect(shenyang).toEqual({ score: 25, risk_factors: [{ factor: 'last_inspection', points: 25, detail: 'never inspected' }] });
    });
  });

  it('an inspection keeps the checklist version it started on when a new version is published', async () => {
    const started = await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-16', templateId: seededId }).expect(201);
    const seeded = await get('ministry', `/api/checklist-templates/${seededId}`).expect(200);
    const shorter = seeded.body.items.slice(0, 5).map(({ code, section, criticality, points, legalBasis, textZh, textEn }: Record<string, unknown>) => ({ code, section, criticality, points, legalBasis, textZh, textEn }));
    const v2 = await post('ministry', '/api/checklist-templates', { code: 'ILO-INSPECTION', kind: 'inspection', titleZh: seeded.body.titleZh, titleEn: seeded.body.titleEn, items: shorter }).expect(201);
    expect(v2.body.version).toBe(2);
    await post('ministry', `/api/checklist-templates/${v2.body.id}/publish`, {}).expect(200);
    const allItems = seeded.body.items.map((i: { code: string }) => i.code);
    const filed = await put('fj-inspector', `/api/inspections/${started.body.id}/findings`, { findings: findingsFor(allItems), version: 1 }).expect(200);
    expect(filed.body.findings).toHaveLength(23);
    const fresh = await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-17' }).expect(201);
    expect(fresh.body.templateId).toBe(v2.body.id);
  });
});
