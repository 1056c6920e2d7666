import { complaintBody } from './support/complaint-fixtures';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** An inspection may follow up only a complaint its planner may read. */
describe('Inspection complaint links only to complaints the planner may read', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const plan = (user: string, agencyId: string, complaintId: string) =>
    t.http().post('/api/inspections').set('authorization', as[user]).send({ agencyId, type: 'complaint', inspectionDate: '2026-06-20', complaintId });

  /** Lodges a public complaint and returns its id. */
  async function lodge(overrides: Record<string, unknown>): Promise<string> {
    const receipt = await t.http().post('/api/public/complaints').send(complaintBody(overrides)).expect(201);
    const [row] = (await t.db.query(`SELECT id FROM complaints WHERE tracking_code = $1`, [receipt.body.trackingCode])) as { id: string }[];
    return row.id;
  }

  const inspectionCount = async () => Number(((await t.db.query(`SELECT count(*) AS n FROM inspections`)) as { n: string }[])[0].n);

  it('answers 404 for a nonexistent complaint and for one out of the inspector\'s scope, as reading it does, and plans nothing', async () => {
    const before = await inspectionCount();
    const missing = await plan('fz-inspector', world.agencies.fuzhou, '11111111-1111-4111-8111-111111111111').expect(404);
    expectProblem(missing.body, 404);
    const xiamen = await lodge({ jurisdictionCode: '350200' });
    await t.http().get(`/api/complaints/${xiamen}`).set('authorization', as['fz-inspector']).expect(404);
    const outOfScope = await plan('fz-inspector', world.agencies.fuzhou, xiamen).expect(404);
    expect(outOfScope.body.detail).toBe(missing.body.detail.replace('11111111-1111-4111-8111-111111111111', xiamen));
    expect(await inspectionCount()).toBe(before);
    await t.http().get('/health/ready').expect(200);
  });

  it('refuses a complaint about another agency with a field-level 400', async () => {
    const [{ uscc }] = (await t.db.query(`SELECT uscc FROM agencies WHERE id = $1`, [world.agencies.xiamen])) as { uscc: string }[];
    const aboutXiamen = await lodge({ uscc, agencyName: undefined, jurisdictionCode: undefined });
    const refused = await plan('fj-inspector', world.agencies.fuzhou, aboutXiamen).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'complaintId', message: 'the complaint is about another agency' }]);
    const linked = await plan('fj-inspector', world.agencies.xiamen, aboutXiamen).expect(201);
    expect(linked.body.complaintId).toBe(aboutXiamen);
  });

  it('links a complaint in scope', async () => {
    const fuzhou = await lodge({ jurisdictionCode: '350100' });
    const created = await plan('fz-inspector', world.agencies.fuzhou, fuzhou).expect(201);
    expect(created.body.complaintId).toBe(fuzhou);
  });
});
