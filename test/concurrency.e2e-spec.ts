import { login, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { findingsFor, inspect, itemCodes, seededTemplateId } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 50 conflicting commands at once on one record: exactly one wins, the other 49 get 409, and
 * the audit trail still verifies.
 */
describe('concurrency', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: { DB_POOL_SIZE: '10' } });
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort((a, b) => a - b);
  const expectOneWinner = (answers: { status: number; body: { status?: number } }[]) => {
    expect(statuses(answers)).toEqual([200, ...Array(answers.length - 1).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.status === 409)).toBe(true);
  };

  afterEach(async () => {
    const verify = await t.http().get('/api/audit/verify').set('authorization', as.admin).expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('50 officers suspending or revoking one licence: one wins', async () => {
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    // Every officer decides on the version they all read: a decision that reaches the database
    // after another has committed is stale (a suspension followed by a revocation would otherwise be two legal wins).
    const [{ version }] = (await t.db.query(`SELECT version FROM licences WHERE id = $1`, [licence.id])) as { version: number }[];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http().post(`/api/licences/${licence.id}/${i % 2 ? 'suspend' : 'revoke'}`).set('authorization', as[i % 3 ? 'fj-admin' : 'fz-admin']).send({ reason: `decision ${i}`, version }),
      ),
    );
    expectOneWinner(answers);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licence_events WHERE licence_id = $1`, [licence.id]);
    expect(n).toBe(1);
  });

  it('50 decisions on one application: one wins, one licence issued', async () => {
    const agency = await login(t, 'agency-fj-1');
    const application = await t.http().post('/api/licence-applications').set('authorization', `Bearer ${agency.accessToken}`)
      .send({ kind: 'new', licenceType: 'human_resources_service', scope: { activities: ['job_placement'], destinationCountries: [] } }).expect(201);
    const decisions = ['approve', 'refuse', 'return'] as const;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http().post(`/api/licence-applications/${application.body.id}/decision`).set('authorization', as['fj-admin']).send({ decision: decisions[i % 3], reason: 'concurrent decision' }),
      ),
    );
    expectOneWinner(answers);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licences WHERE agency_id = $1 AND licence_type = 'human_resources_service'`, [world.agencies.fuzhou]);
    const [decided] = await t.db.query(`SELECT status FROM licence_applications WHERE id = $1`, [application.body.id]);
    expect(n).toBe(decided.status === 'approved' ? 1 : 0);
  });

  it('50 edits of one agency with the same version: one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.http().patch(`/api/agencies/${world.agencies.xiamen}`).set('authorization', as['fj-admin']).send({ version: 1, address: `地址 ${i}` })),
    );
    expectOneWinner(answers);
  });

  it('50 filings of findings on one inspection with the same version: one wins, one finding set', async () => {
    const created = await t.http().post('/api/inspections').set('authorization', as['fz-inspector']).send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10' }).expect(201);
    const codes = await itemCodes(t, created.body.templateId);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .put(`/api/inspections/${created.body.id}/findings`)
          .set('authorization', as[i % 2 ? 'fz-inspector' : 'fj-inspector'])
          .send({ findings: findingsFor(codes, { [codes[i % codes.length]]: 'non_compliant' }), version: created.body.version }),
      ),
    );
    expectOneWinner(answers);
    const winner = answers.find((a) => a.status === 200)!;
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM inspection_findings WHERE inspection_id = $1`, [created.body.id]);
    expect(n).toBe(codes.length);
    const stored = await t.http().get(`/api/inspections/${created.body.id}`).set('authorization', as['fz-inspector']).expect(200);
    expect(stored.body.version).toBe(winner.body.version);
  });

  it('50 submissions of one inspection: one wins', async () => {
    const created = await t.http().post('/api/inspections').set('authorization', as['fz-inspector']).send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10' }).expect(201);
    const codes = await itemCodes(t, created.body.templateId);
    const filed = await t.http().put(`/api/inspections/${created.body.id}/findings`).set('authorization', as['fz-inspector']).send({ findings: findingsFor(codes, { [codes[0]]: 'non_compliant' }), version: created.body.version }).expect(200);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/inspections/${created.body.id}/submit`)
          .set('authorization', as[i % 2 ? 'fz-inspector' : 'fz-admin'])
          .send({ version: filed.body.version, sanctionProposal: i % 3 ? { sanction: 'warning', reason: `proposal ${i}` } : undefined }),
      ),
    );
    expectOneWinner(answers);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'inspection.submit'`, [created.body.id]);
    expect(n).toBe(1);
    // The non-compliant item opened its corrective action once.
    const [{ actions }] = await t.db.query(`SELECT count(*)::int AS actions FROM corrective_actions WHERE inspection_id = $1`, [created.body.id]);
    expect(actions).toBe(1);
  });

  it('50 sanction decisions on one inspection: one wins, one case, the licence unchanged until the case is decided', async () => {
    const licence = await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning });
    const submitted = await inspect(t, as['ln-admin'], world.agencies.shenyang, {
      templateId: await seededTemplateId(t),
      results: { 'PRO-1': 'non_compliant' },
      sanctionProposal: { sanction: 'suspension', suspensionDays: 30, reason: 'Passports held' },
    });
    const decisions = [
      { sanction: 'suspension', suspensionDays: 30 },
      { sanction: 'warning' },
      { sanction: 'revocation' },
    ];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/inspections/${submitted.id}/sanction-decision`)
          .set('authorization', as['ln-admin'])
          .send({ ...decisions[i % 3], reason: `concurrent decision ${i}`, version: submitted.version }),
      ),
    );
    expectOneWinner(answers);
    const [decided] = await t.db.query(`SELECT status, sanction_decision FROM inspections WHERE id = $1`, [submitted.id]);
    expect(decided.status).toBe('closed');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licence_events WHERE licence_id = $1`, [licence.id]);
    expect(n).toBe(0);
    const [{ cases }] = await t.db.query(`SELECT count(*)::int AS cases FROM case_grounds WHERE kind = 'inspection' AND reference = $1`, [submitted.id]);
    expect(cases).toBe(1);
  });

  it('50 transitions of one complaint with the same version: one wins, one event', async () => {
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ description: 'Concurrent transitions complaint.' })).expect(201);
    const [complaint] = (await t.db.query(`SELECT id, version FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string; version: number }[];
    const [{ before }] = await t.db.query(`SELECT count(*)::int AS before FROM complaint_events WHERE complaint_id = $1`, [complaint.id]);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/complaints/${complaint.id}/transition`)
          .set('authorization', as[['fz-inspector', 'fz-admin', 'fj-admin', 'fj-inspector'][i % 4]])
          .send({ to: 'triaged', note: `triage ${i}`, version: complaint.version }),
      ),
    );
    expectOneWinner(answers);
    const [{ after }] = await t.db.query(`SELECT count(*)::int AS after FROM complaint_events WHERE complaint_id = $1`, [complaint.id]);
    expect(after).toBe(before + 1);
    const [row] = await t.db.query(`SELECT status, version FROM complaints WHERE id = $1`, [complaint.id]);
    expect(row).toEqual({ status: 'triaged', version: complaint.version + 1 });
  });

  it('50 assignments of one complaint with the same version: one wins', async () => {
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody({ description: 'Concurrent assignment complaint.' })).expect(201);
    const [complaint] = (await t.db.query(`SELECT id, version FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string; version: number }[];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/complaints/${complaint.id}/assign`)
          .set('authorization', as[i % 2 ? 'fz-admin' : 'fj-admin'])
          .send({ assigneeId: world.users['fz-inspector'], version: complaint.version }),
      ),
    );
    expectOneWinner(answers);
    const [row] = await t.db.query(`SELECT assignee_id, version FROM complaints WHERE id = $1`, [complaint.id]);
    expect(row).toEqual({ assignee_id: world.users['fz-inspector'], version: complaint.version + 1 });
  });
});
