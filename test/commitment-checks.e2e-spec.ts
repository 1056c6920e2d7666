import { JobRunner } from '@app/scheduler';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { findingsFor, itemCodes } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const commitment = { signatory: '张三', statement: '本机构承诺符合境外就业中介许可条件，所填信息真实；如有不实，接受撤销许可。', signedOn: '2026-03-02' };

/** Commitment-based licensing end to end: apply on commitment, approve, the on-site check planned, overdue, failed, passed. */
describe('commitment-based licensing', () => {
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
  const apply = (user: string, body: Record<string, unknown>) =>
    post(user, '/api/licence-applications', { kind: 'new', licenceType: 'overseas_employment', scope: { activities: ['overseas_placement'], destinationCountries: ['SG'] }, ...body });
  const checks = async (user: string, state?: string) => (await get(user, `/api/commitment-checks${state ? `?state=${state}` : ''}`).expect(200)).body.items as Record<string, string>[];

  /** Files the planned check's findings (one critical item failed when `fail`) and submits it. */
  const carryOut = async (inspectionId: string, fail: boolean) => {
    const inspection = (await get('fj-inspector', `/api/inspections/${inspectionId}`).expect(200)).body;
    const codes = await itemCodes(t, inspection.templateId);
    const [critical] = await t.db.query(`SELECT code FROM checklist_items WHERE template_id = $1 AND criticality = 'critical' ORDER BY position LIMIT 1`, [inspection.templateId]);
    const filed = await t.http().put(`/api/inspections/${inspectionId}/findings`).set('authorization', as['fj-inspector']).send({ findings: findingsFor(codes, fail ? { [critical.code]: 'non_compliant' } : {}), version: inspection.version }).expect(200);
    return (await post('fj-inspector', `/api/inspections/${inspectionId}/submit`, { version: filed.body.version }).expect(200)).body;
  };

  let failing: { checkId: string; inspectionId: string; licenceNumber: string };

  it('records the signed commitment on a new-licence application, and only there', async () => {
    expect((await apply('agency-fj-1', { procedure: 'commitment' }).expect(400)).body.errors[0].field).toBe('commitment');
    expect((await apply('agency-fj-1', { commitment }).expect(400)).body.errors[0].field).toBe('commitment');
    expect((await apply('agency-fj-1', { procedure: 'commitment', commitment: { ...commitment, signedOn: 'yesterday' } }).expect(400)).body.errors[0].field).toBe('commitment.signedOn');
    const applied = await apply('agency-fj-1', { procedure: 'commitment', commitment }).expect(201);
    expect(applied.body).toMatchObject({ procedure: 'commitment', commitment, status: 'submitted' });
  });

  it('approval issues the licence and plans an on-site commitment check due within a month', async () => {
    const [application] = (await get('fj-admin', '/api/licence-applications?status=submitted').expect(200)).body.items;
    const approved = await post('fj-admin', `/api/licence-applications/${application.id}/decision`, { decision: 'approve' }).expect(200);
    const [check] = await checks('fj-admin');
    expect(check).toMatchObject({ applicationId: application.id, licenceNumber: approved.body.licenceNumber, dueOn: '2026-04-05', state: 'pending', inspectionStatus: 'planned', agencyId: world.agencies.fuzhou });
    const inspection = (await get('fj-inspector', `/api/inspections/${check.inspectionId}`).expect(200)).body;
    expect(inspection).toMatchObject({ type: 'commitment_check', status: 'planned', inspectionDate: '2026-04-05', agencyId: world.agencies.fuzhou });
    failing = { checkId: check.id, inspectionId: check.inspectionId, licenceNumber: approved.body.licenceNumber };
    // Only an approval plans one.
    expectProblem((await post('fj-inspector', '/api/inspections', { agencyId: world.agencies.fuzhou, type: 'commitment_check', inspectionDate: '2026-03-20' }).expect(400)).body, 400);
    // The bureau of another province sees nothing; agencies do not read the queue.
    expect(await checks('ln-admin')).toEqual([]);
    await get('agency-fj-1', '/api/commitment-checks').expect(403);
  });

  it('a standard application plans no check', async () => {
    const applied = await apply('fj-admin', { agencyId: world.agencies.xiamen }).expect(201);
    expect(applied.body.procedure).toBe('standard');
    await post('fj-admin', `/api/licence-applications/${applied.body.id}/decision`, { decision: 'approve' }).expect(200);
    expect(await checks('fj-admin')).toHaveLength(1);
  });

  it('a check not done by its due date is overdue: listed for the bureau and recorded once by the job', async () => {
    t.clock.set('2026-04-06T02:00:00Z');
    expect((await checks('fj-admin', 'overdue')).map((c) => c.id)).toEqual([failing.checkId]);
    expect(await checks('fj-admin', 'pending')).toEqual([]);
    const run = () => t.app.get(JobRunner).runJob('commitment-checks', 'test');
    expect(await run()).toMatchObject({ counts: { overdue: 1, notices: 1 } });
    expect(await run()).toMatchObject({ counts: { overdue: 0, notices: 0 } });
    const [notice] = await t.db.query(`SELECT recipient_user_id AS "user", payload FROM notifications WHERE kind = 'commitment_check.flagged'`);
    expect(notice).toMatchObject({ user: world.users['fj-admin'], payload: { state: 'overdue', licenceNumber: failing.licenceNumber } });
  });

  it('a check finding a critical violation fails: listed, recorded and flagged for a revocation case', async () => {
    const submitted = await carryOut(failing.inspectionId, true);
    expect(submitted.outcome).toBe('critical_violation');
    expect((await checks('fj-admin', 'failed')).map((c) => c.id)).toEqual([failing.checkId]);
    expect(await t.app.get(JobRunner).runJob('commitment-checks', 'test')).toMatchObject({ counts: { failed: 1, passed: 0, notices: 1 } });
    const [row] = await t.db.query(`SELECT failed_at IS NOT NULL AS failed, overdue_at IS NOT NULL AS overdue, passed_at FROM commitment_checks WHERE id = $1`, [failing.checkId]);
    expect(row).toEqual({ failed: true, overdue: true, passed_at: null });
    // A false commitment proposes revocation: one case, opened for the bureau, nothing applied to the licence yet.
    await t.app.get(JobRunner).runJob('commitment-checks', 'test');
    const cases = await t.db.query(
      `SELECT c.status, c.proposed_sanction AS "proposedSanction", l.status AS "licenceStatus" FROM enforcement_cases c
         JOIN case_grounds g ON g.case_id = c.id JOIN case_licences cl ON cl.case_id = c.id JOIN licences l ON l.id = cl.licence_id
        WHERE g.kind = 'commitment_failed' AND g.reference = $1`,
      [failing.checkId],
    );
    expect(cases).toEqual([{ status: 'opened', proposedSanction: 'revocation', licenceStatus: 'active' }]);
  });

  it('a check that finds the commitment true passes', async () => {
    await t.db.query(`UPDATE agencies SET agency_type = 'labour_service_cooperation' WHERE id = $1`, [world.agencies.fuzhou]);
    const applied = await post('agency-fj-1', '/api/licence-applications', {
      kind: 'new',
      licenceType: 'labour_service_cooperation',
      scope: { activities: ['overseas_placement'], destinationCountries: ['JP'] },
      reserveFundAmount: 3000000,
      procedure: 'commitment',
      commitment,
    }).expect(201);
    await post('fj-admin', `/api/licence-applications/${applied.body.id}/decision`, { decision: 'approve' }).expect(200);
    const [check] = await checks('fj-admin', 'pending');
    expect(check.dueOn).toBe('2026-05-06');
    await carryOut(check.inspectionId, false);
    expect((await checks('fj-admin', 'passed')).map((c) => c.id)).toEqual([check.id]);
    expect(await t.app.get(JobRunner).runJob('commitment-checks', 'test')).toMatchObject({ counts: { passed: 1, failed: 0, notices: 0 } });
  });
});
