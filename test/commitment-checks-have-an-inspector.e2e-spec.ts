import { expectProblem, login, seedWorld, signInAll, World } from './support/fixtures';
import { insertUser } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const commitment = { signatory: '张三', statement: '本机构承诺符合境外就业中介许可条件，所填信息真实；如有不实，接受撤销许可。', signedOn: '2026-03-02' };

/**
 * The check after a licence granted on commitment is planned with its lead inspector (the approving
 * bureau's inspector who handles the agency's city), who is told; where that is not one person the
 * check waits in the bureau's queue of unassigned inspections, and an admin assigns it.
 */
describe('commitment checks have an inspector', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-05T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);
  const post = (user: string, url: string, body: Record<string, unknown>) => t.http().post(url).set('authorization', as[user]).send(body);
  const approveOnCommitment = async (agencyId: string) => {
    const applied = await post('fj-admin', '/api/licence-applications', {
      agencyId,
      kind: 'new',
      licenceType: 'overseas_employment',
      scope: { activities: ['overseas_placement'], destinationCountries: ['SG'] },
      procedure: 'commitment',
      commitment,
    }).expect(201);
    await post('fj-admin', `/api/licence-applications/${applied.body.id}/decision`, { decision: 'approve' }).expect(200);
    const checks = (await get('fj-admin', '/api/commitment-checks').expect(200)).body.items as { applicationId: string; inspectionId: string; leadInspectorId: string | null; leadInspectorName: string | null }[];
    return checks.find((c) => c.applicationId === applied.body.id)!;
  };
  const told = async (userId: string) =>
    (await t.db.query(`SELECT payload->>'inspectionId' AS "inspectionId" FROM notifications WHERE kind = 'inspection.assigned' AND recipient_user_id = $1`, [userId])).map(
      (n: { inspectionId: string }) => n.inspectionId,
    );

  it('plans the check with the inspector who handles the agency’s city, and tells them', async () => {
    const check = await approveOnCommitment(world.agencies.fuzhou);
    expect(check).toMatchObject({ leadInspectorId: world.users['fz-inspector'], leadInspectorName: 'fz-inspector' });
    expect(await told(world.users['fz-inspector'])).toEqual([check.inspectionId]);
    const inspection = (await get('fz-inspector', `/api/inspections/${check.inspectionId}`).expect(200)).body;
    expect(inspection).toMatchObject({ type: 'commitment_check', leadInspectorId: world.users['fz-inspector'] });
  });

  it('with no one inspector for the city, the check waits unassigned in the bureau’s queue; the admin assigns it and the inspector is told', async () => {
    // Xiamen's bureau has no inspector, and the province has two.
    await insertUser(t, 'fj-inspector-2', 'inspector', world.bureaus.fujian);
    const [second] = await t.db.query(`SELECT id FROM users WHERE username = 'fj-inspector-2'`);
    world.users['fj-inspector-2'] = second.id;
    const check = await approveOnCommitment(world.agencies.xiamen);
    expect(check).toMatchObject({ leadInspectorId: null, leadInspectorName: null });
    const queue = (await get('fj-admin', '/api/inspections?unassigned=true').expect(200)).body.items as { id: string }[];
    expect(queue.map((i) => i.id)).toEqual([check.inspectionId]);
    expect((await get('ln-admin', '/api/inspections?unassigned=true').expect(200)).body.items).toEqual([]);
    expect((await get('fj-admin', '/api/inspections?unassigned=maybe').expect(400)).body.errors[0].field).toBe('unassigned');

    const assignees = (await get('fj-admin', `/api/inspections/${check.inspectionId}/assignees`).expect(200)).body.items as { id: string; role: string }[];
    expect(assignees.filter((a) => a.role === 'inspector').map((a) => a.id).sort()).toEqual([world.users['fj-inspector'], world.users['fj-inspector-2']].sort());
    const inspection = (await get('fj-admin', `/api/inspections/${check.inspectionId}`).expect(200)).body;
    const asSecond = `Bearer ${(await login(t, 'fj-inspector-2')).accessToken}`;
    await t.http().post(`/api/inspections/${check.inspectionId}/lead-inspector`).set('authorization', asSecond).send({ leadInspectorId: world.users['fj-inspector-2'], version: inspection.version }).expect(403);
    expect((await post('fj-admin', `/api/inspections/${check.inspectionId}/lead-inspector`, { leadInspectorId: world.users['ln-admin'], version: inspection.version }).expect(400)).body.errors[0].field).toBe(
      'leadInspectorId',
    );
    expectProblem((await post('ln-admin', `/api/inspections/${check.inspectionId}/lead-inspector`, { leadInspectorId: world.users['fj-inspector'], version: inspection.version }).expect(404)).body, 404);
    const assigned = (await post('fj-admin', `/api/inspections/${check.inspectionId}/lead-inspector`, { leadInspectorId: world.users['fj-inspector-2'], version: inspection.version }).expect(200)).body;
    expect(assigned).toMatchObject({ leadInspectorId: world.users['fj-inspector-2'], version: inspection.version + 1 });
    expectProblem((await post('fj-admin', `/api/inspections/${check.inspectionId}/lead-inspector`, { leadInspectorId: world.users['fj-inspector'], version: inspection.version }).expect(409)).body, 409);
    expect(await told(world.users['fj-inspector-2'])).toEqual([check.inspectionId]);
    expect((await get('fj-admin', '/api/inspections?unassigned=true').expect(200)).body.items).toEqual([]);
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'inspection.assign_lead' AND entity_id = $1`, [check.inspectionId]);
    expect(audit.n).toBe(1);
  });
});
