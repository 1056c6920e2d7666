import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { inspect, itemCodes, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

type AnswerValue = 'yes' | 'partly' | 'no' | 'not_applicable';

describe('self-assessments', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let codes: string[];
  /** Self-assessment ids of the 2026 round, by agency key. */
  const round: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    codes = await itemCodes(t, await seededTemplateId(t, 'ILO-SELF-ASSESSMENT'));
    for (const key of ['fuzhou', 'xiamen', 'shenyang'] as const) {
      await insertLicence(t, { agencyId: world.agencies[key], bureauId: key === 'shenyang' ? world.bureaus.liaoning : world.bureaus.fujian });
    }
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);
  const put = (user: string, path: string, body: Record<string, unknown>) => t.http().put(path).set('authorization', as[user]).send(body);
  const answers = (overrides: Record<string, AnswerValue> = {}, only?: string[]) =>
    (only ?? codes).map((itemCode) => ({ itemCode, answer: overrides[itemCode] ?? 'yes', comment: overrides[itemCode] ? 'in progress' : undefined }));
  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((i) => i.id).sort();

  it('a bureau opens a round for every licensed agency in its jurisdiction, once per period', async () => {
    expectProblem((await post('fj-inspector', '/api/self-assessments', { period: 2026, dueOn: '2026-07-31' }).expect(403)).body, 403);
    const bad = await post('fj-admin', '/api/self-assessments', { period: 1990, dueOn: 'soon' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueOn', 'period']);
    const opened = await post('fj-admin', '/api/self-assessments', { period: 2026, dueOn: '2026-07-31' }).expect(201);
    expect(opened.body).toMatchObject({ created: 2, skipped: 0 });
    for (const item of opened.body.items as { id: string; agencyId: string; version: number; status: string }[]) {
      expect(item.status).toBe('draft');
      const key = item.agencyId === world.agencies.fuzhou ? 'fuzhou' : 'xiamen';
      round[key] = { id: item.id, version: item.version };
    }
    expect(Object.keys(round).sort()).toEqual(['fuzhou', 'xiamen']);
    const again = await post('fj-admin', '/api/self-assessments', { period: 2026, dueOn: '2026-07-31' }).expect(201);
    expect(again.body).toMatchObject({ created: 0, skipped: 2 });
    // One agency, out of scope: 404.
    expectProblem((await post('fj-admin', '/api/self-assessments', { period: 2026, dueOn: '2026-07-31', agencyId: world.agencies.shenyang }).expect(404)).body, 404);
    const single = await post('ln-admin', '/api/self-assessments', { period: 2026, dueOn: '2026-07-31', agencyId: world.agencies.shenyang }).expect(201);
    expect(single.body.created).toBe(1);
    round.shenyang = { id: single.body.items[0].id, version: single.body.items[0].version };
  });

  it("an agency sees only its own self-assessments (another agency's is a 404), as does a bureau of another province", async () => {
    expect(ids(await get('agency-fj-1', '/api/self-assessments').expect(200))).toEqual([round.fuzhou.id]);
    expectProblem((await get('agency-fj-1', `/api/self-assessments/${round.xiamen.id}`).expect(404)).body, 404);
    await put('agency-fj-1', `/api/self-assessments/${round.xiamen.id}/answers`, { answers: answers(), version: 1 }).expect(404);
    expectProblem((await get('ln-admin', `/api/self-assessments/${round.fuzhou.id}`).expect(404)).body, 404);
    const lnList = await get('ln-admin', '/api/self-assessments').expect(200);
    expect(ids(lnList)).toEqual([round.shenyang.id]);
  });

  it('the agency fills answers, submits once complete, and cannot edit after submitting', async () => {
    const path = `/api/self-assessments/${round.fuzhou.id}`;
    const unknown = await put('agency-fj-1', `${path}/answers`, { answers: [{ itemCode: 'XYZ-9', answer: 'yes' }, { itemCode: 'LIC-1', answer: 'sometimes' }], version: 1 }).expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers[1].answer']);
    const unknownCode = await put('agency-fj-1', `${path}/answers`, { answers: [{ itemCode: 'XYZ-9', answer: 'yes' }], version: 1 }).expect(400);
    expect(unknownCode.body.errors).toEqual([{ field: 'answers[0].itemCode', message: expect.stringMatching(/XYZ-9 is not an item/) }]);
    expectProblem((await put('fj-admin', `${path}/answers`, { answers: answers(), version: 1 }).expect(403)).body, 403);
    const draft = await put('agency-fj-1', `${path}/answers`, { answers: answers({}, codes.slice(0, 3)), version: 1 }).expect(200);
    expect(draft.body.answers.filter((a: { answer: string | null }) => a.answer !== null)).toHaveLength(3);
    const incomplete = await post('agency-fj-1', `${path}/submit`, { version: draft.body.version }).expect(400);
    expect(incomplete.body.errors[0]).toMatchObject({ field: 'answers', message: expect.stringMatching(/missing: /) });
    await put('agency-fj-1', `${path}/answers`, { answers: answers(), version: 1 }).expect(409);
    // 29 items: one partly, one no, one not applicable: (26 + 0.5) / 28.
    const full = await put('agency-fj-1', `${path}/answers`, { answers: answers({ 'FEE-4': 'partly', 'GOV-3': 'no', 'PRO-4': 'not_applicable' }), version: draft.body.version }).expect(200);
    const submitted = await post('agency-fj-1', `${path}/submit`, { version: full.body.version }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', score: 94.64 });
    const edit = await put('agency-fj-1', `${path}/answers`, { answers: answers(), version: submitted.body.version }).expect(409);
    expect(edit.body.currentStatus).toBe('submitted');
    const twice = await post('agency-fj-1', `${path}/submit`, { version: submitted.body.version }).expect(409);
    expect(twice.body.currentStatus).toBe('submitted');
    round.fuzhou.version = submitted.body.version;
  });

  it('the bureau returns with a note; the agency changes and resubmits; the bureau accepts', async () => {
    const path = `/api/self-assessments/${round.fuzhou.id}`;
    expectProblem((await post('agency-fj-1', `${path}/review`, { decision: 'accept', version: round.fuzhou.version }).expect(403)).body, 403);
    const noNote = await post('fj-admin', `${path}/review`, { decision: 'return', version: round.fuzhou.version }).expect(400);
    expect(noNote.body.errors[0].field).toBe('note');
    await post('fj-admin', `${path}/review`, { decision: 'return', note: 'Explain GOV-3', version: round.fuzhou.version + 1 }).expect(409);
    const returned = await post('fj-admin', `${path}/review`, { decision: 'return', note: 'Explain GOV-3', version: round.fuzhou.version }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: 'Explain GOV-3' });
    const returnedList = await get('fj-admin', '/api/self-assessments?returned=true').expect(200);
    expect(ids(returnedList)).toEqual([round.fuzhou.id]);
    // A reviewer's queue names the agencies (the web app shows names, not ids).
    expect(returnedList.body.items[0]).toMatchObject({ agencyId: world.agencies.fuzhou, agencyNameZh: expect.any(String) });
    const again = await post('fj-admin', `${path}/review`, { decision: 'accept', version: returned.body.version }).expect(409);
    expect(again.body.currentStatus).toBe('returned');
    const changed = await put('agency-fj-1', `${path}/answers`, { answers: answers({ 'FEE-4': 'partly', 'PRO-4': 'not_applicable' }), version: returned.body.version }).expect(200);
    const resubmitted = await post('agency-fj-1', `${path}/submit`, { version: changed.body.version }).expect(200);
    expect(resubmitted.body.status).toBe('resubmitted');
    const accepted = await post('fj-admin', `${path}/review`, { decision: 'accept', version: resubmitted.body.version }).expect(200);
    expect(accepted.body.status).toBe('accepted');
  });

  it('lists overdue ones: still a draft or returned past the due date', async () => {
    expect(ids(await get('fj-admin', '/api/self-assessments?overdue=true').expect(200))).toEqual([]);
    t.clock.set('2026-08-01T02:00:00Z');
    expect(ids(await get('fj-admin', '/api/self-assessments?overdue=true').expect(200))).toEqual([round.xiamen.id]);
    expect(ids(await get('ministry', '/api/self-assessments?overdue=true').expect(200))).toEqual([round.xiamen.id, round.shenyang.id].sort());
    const bad = await get('fj-admin', '/api/self-assessments?overdue=maybe').expect(400);
    expect(bad.body.errors[0].field).toBe('overdue');
    const { SelfAssessmentsService } = await import('@app/self-assessments');
    const service = t.app.get(SelfAssessmentsService);
    expect((await service.awaitingSubmission({ overdue: true })).map((s) => s.id).sort()).toEqual([round.xiamen.id, round.shenyang.id].sort());
    expect((await service.awaitingSubmission({ dueOn: ['2026-07-31'] })).map((s) => s.id).sort()).toEqual([round.xiamen.id, round.shenyang.id].sort());
    expect(await service.awaitingSubmission({ dueOn: ['2026-07-30'] })).toEqual([]);
    // The overdue self-assessment counts in the risk score.
    const priorities = await get('fj-admin', '/api/inspections/priorities').expect(200);
    const xiamen = priorities.body.items.find((i: { agencyId: string }) => i.agencyId === world.agencies.xiamen);
    expect(xiamen.factors).toEqual(expect.arrayContaining([expect.objectContaining({ factor: 'self_assessments', points: 10, detail: '1 overdue, 0 submitted late' })]));
    t.clock.set('2026-06-15T02:00:00Z');
  });

  it('detects a discrepancy: answered yes, found non-compliant by an inspection within 12 months', async () => {
    expect(ids(await get('fj-admin', '/api/self-assessments?withDiscrepancies=true').expect(200))).toEqual([]);
    // Eleven months after the self-assessment's submission: still within 12 months.
    await inspect(t, as['fj-inspector'], world.agencies.fuzhou, {
      templateId: await seededTemplateId(t),
      inspectionDate: '2027-05-10',
      results: { 'FEE-1': 'non_compliant', 'GOV-2': 'non_compliant' },
    });
    // Thirteen months before it: too long ago to compare.
    await inspect(t, as['fj-inspector'], world.agencies.fuzhou, { templateId: await seededTemplateId(t), inspectionDate: '2025-05-01', results: { 'LIC-3': 'non_compliant' } });
    expect(ids(await get('fj-admin', '/api/self-assessments?withDiscrepancies=true').expect(200))).toEqual([round.fuzhou.id]);
    expect(ids(await get('fj-admin', '/api/self-assessments?withDiscrepancies=false').expect(200))).toEqual([round.xiamen.id]);
    const detail = await get('agency-fj-1', `/api/self-assessments/${round.fuzhou.id}`).set('accept-language', 'en').expect(200);
    expect(detail.body.discrepancies).toEqual([
      { itemCode: 'FEE-1', inspectionId: expect.any(String), inspectionDate: '2027-05-10' },
      { itemCode: 'GOV-2', inspectionId: expect.any(String), inspectionDate: '2027-05-10' },
    ]);
    expect(detail.body.answers[0]).toMatchObject({ itemCode: 'LIC-1', answer: 'yes', text: expect.stringMatching(/^The agency holds a valid licence/) });
    // Moving the agency to another city moves its monitoring records' scope with it.
    await t.db.query(`UPDATE agencies SET jurisdiction_code = '350200' WHERE id = $1`, [world.agencies.fuzhou]);
    await get('fz-admin', `/api/self-assessments/${round.fuzhou.id}`).expect(404);
    await get('xm-admin', `/api/self-assessments/${round.fuzhou.id}`).expect(200);
    await t.db.query(`UPDATE agencies SET jurisdiction_code = '350100' WHERE id = $1`, [world.agencies.fuzhou]);
    await get('fz-admin', `/api/self-assessments/${round.fuzhou.id}`).expect(200);
    const profile = await get('fj-admin', `/api/agencies/${world.agencies.fuzhou}/profile`).expect(200);
    expect(profile.body.selfAssessments).toEqual([expect.objectContaining({ id: round.fuzhou.id, status: 'accepted' })]);
    expect(profile.body.risk.factors).toEqual(expect.arrayContaining([expect.objectContaining({ factor: 'discrepancies', points: 10 })]));
  });
});
