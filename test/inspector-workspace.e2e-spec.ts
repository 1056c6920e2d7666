import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, login, seedWorld, signInAll, World } from './support/fixtures';
import { findingsFor, insertUser, itemCodes } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** What the inspector's pages rely on: the outcome preview, legal bases, risk factors in Chinese, SLA colours, allowed moves. */
describe("the inspector's workspace API", () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-10T02:00:00Z');
    world = await seedWorld(t);
    await insertUser(t, 'ln-inspector', 'inspector', world.bureaus.liaoning);
    as = await signInAll(t);
    as['ln-inspector'] = `Bearer ${(await login(t, 'ln-inspector')).accessToken}`;
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => t.http().get(path).set('authorization', as[user]);
  const post = (user: string, path: string, body: Record<string, unknown>) => t.http().post(path).set('authorization', as[user]).send(body);

  it('previews the outcome submission will give, from the findings as saved, and submit agrees', async () => {
    const created = await post('fz-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10' }).expect(201);
    const id = created.body.id as string;
    const codes = await itemCodes(t, created.body.templateId);

    const untouched = await get('fz-inspector', `/api/inspections/${id}/preview`).expect(200);
    expect(untouched.body).toMatchObject({ version: created.body.version, outcome: 'compliant', score: 0, violationPoints: 0, notChecked: codes.length, nonCompliant: 0, criticalFailures: [], minorIssuesMaxPoints: 15 });

    const filed = await t.http().put(`/api/inspections/${id}/findings`).set('authorization', as['fz-inspector']).send({ findings: findingsFor(codes, { 'LIC-1': 'non_compliant', 'LIC-3': 'non_compliant' }), version: created.body.version }).expect(200);
    expect(filed.body.findings[0]).toMatchObject({ itemCode: 'LIC-1', legalBasis: 'C181 Art.3', criticality: 'critical' });
    const preview = await get('fz-inspector', `/api/inspections/${id}/preview`).expect(200);
    expect(preview.body).toMatchObject({ version: filed.body.version, outcome: 'critical_violation', criticalFailures: ['LIC-1'], violationPoints: 8, nonCompliant: 2, notChecked: 0 });

    // Out of scope it does not exist; an agency has no preview to read.
    expectProblem((await get('ln-inspector', `/api/inspections/${id}/preview`).expect(404)).body, 404);
    await get('agency-fj-1', `/api/inspections/${id}/preview`).expect(403);

    const submitted = await post('fz-inspector', `/api/inspections/${id}/submit`, { version: filed.body.version }).expect(200);
    expect({ outcome: submitted.body.outcome, score: submitted.body.score, violationPoints: submitted.body.violationPoints }).toEqual({
      outcome: preview.body.outcome,
      score: preview.body.score,
      violationPoints: preview.body.violationPoints,
    });
  });

  it('ranks priorities with each factor in English and Chinese', async () => {
    const { body } = await get('fz-inspector', '/api/inspections/priorities').expect(200);
    const xiamenOrShenyang = body.items.filter((i: { agencyId: string }) => i.agencyId !== world.agencies.fuzhou);
    expect(xiamenOrShenyang).toEqual([]);
    const fuzhou = body.items.find((i: { agencyId: string }) => i.agencyId === world.agencies.fuzhou);
    const last = fuzhou.factors.find((f: { factor: string }) => f.factor === 'last_inspection');
    expect(last).toMatchObject({ detail: expect.stringMatching(/^last inspection critical_violation, 0 months ago$/), detailZh: '重大违规，0 个月前', detailEn: 'critical violation, 0 months ago' });
    const corrective = fuzhou.factors.find((f: { factor: string }) => f.factor === 'corrective_actions');
    expect(corrective.detailZh).toBe('2 项未完成，0 项逾期');
  });

  it('colours a complaint by its running deadline in working days, and lists the moves its status allows', async () => {
    const lodged = await t.http().post('/api/public/complaints').send(complaintBody()).expect(201);
    const { items } = (await get('fj-admin', '/api/complaints').expect(200)).body as { items: { id: string; trackingCode: string; slaStatus: string; nextDueAt: string; ackDueAt: string }[] };
    const listed = items.find((c) => c.trackingCode === lodged.body.trackingCode)!;
    expect(listed).toMatchObject({ slaStatus: 'on_track', nextDueAt: listed.ackDueAt });
    const fresh = await get('fj-admin', `/api/complaints/${listed.id}`).expect(200);
    expect(fresh.body).toMatchObject({ slaStatus: 'on_track', allowedTransitions: ['triaged'] });

    // Amber from 2 working days before the deadline: the day before it is well inside.
    const ackDue = new Date(listed.ackDueAt);
    t.clock.set(new Date(ackDue.getTime() - 86_400_000).toISOString());
    expect((await get('fj-admin', `/api/complaints/${listed.id}`).expect(200)).body.slaStatus).toBe('due_soon');
    t.clock.set(new Date(ackDue.getTime() + 3_600_000).toISOString());
    const late = await get('fj-admin', `/api/complaints/${listed.id}`).expect(200);
    expect(late.body).toMatchObject({ slaStatus: 'breached', overdue: true });

    const triaged = await post('fj-admin', `/api/complaints/${listed.id}/transition`, { to: 'triaged', note: 'accepted', version: late.body.version }).expect(200);
    expect(triaged.body).toMatchObject({ allowedTransitions: ['investigating', 'referred', 'dismissed'], nextDueAt: triaged.body.resolveDueAt, slaStatus: 'on_track' });
    const dismissed = await post('fj-admin', `/api/complaints/${listed.id}/transition`, { to: 'dismissed', note: 'out of remit', version: triaged.body.version }).expect(200);
    expect(dismissed.body).toMatchObject({ slaStatus: 'stopped', nextDueAt: null, allowedTransitions: ['closed', 'reopened'] });
  });
});
