import { login, seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
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
    const verify = await t.http().get('/audit/verify').set('authorization', as.admin).expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('50 officers suspending or revoking one licence: one wins', async () => {
    const licence = await insertLicence(t, { agencyId: world.agencies.fuzhou, bureauId: world.bureaus.fujian });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http().post(`/licences/${licence.id}/${i % 2 ? 'suspend' : 'revoke'}`).set('authorization', as[i % 3 ? 'fj-admin' : 'fz-admin']).send({ reason: `decision ${i}` }),
      ),
    );
    expectOneWinner(answers);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licence_events WHERE licence_id = $1`, [licence.id]);
    expect(n).toBe(1);
  });

  it('50 decisions on one application: one wins, one licence issued', async () => {
    const agency = await login(t, 'agency-fj-1');
    const application = await t.http().post('/licence-applications').set('authorization', `Bearer ${agency.accessToken}`)
      .send({ kind: 'new', licenceType: 'human_resources_service', scope: { activities: ['job_placement'], destinationCountries: [] } }).expect(201);
    const decisions = ['approve', 'refuse', 'return'] as const;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http().post(`/licence-applications/${application.body.id}/decision`).set('authorization', as['fj-admin']).send({ decision: decisions[i % 3], reason: 'concurrent decision' }),
      ),
    );
    expectOneWinner(answers);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM licences WHERE agency_id = $1 AND licence_type = 'human_resources_service'`, [world.agencies.fuzhou]);
    const [decided] = await t.db.query(`SELECT status FROM licence_applications WHERE id = $1`, [application.body.id]);
    expect(n).toBe(decided.status === 'approved' ? 1 : 0);
  });

  it('50 edits of one agency with the same version: one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.http().patch(`/agencies/${world.agencies.xiamen}`).set('authorization', as['fj-admin']).send({ version: 1, address: `地址 ${i}` })),
    );
    expectOneWinner(answers);
  });
});
