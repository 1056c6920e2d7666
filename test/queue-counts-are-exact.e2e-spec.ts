import { seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A bureau with 340 open complaints sees 340: queue counts are counted in SQL, not read off a page of 100. */
describe('queue counts are exact', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    await t.db.query(
      `INSERT INTO complaints (tracking_code, secret_hash, secret_salt, channel, received_at, received_on, agency_id, jurisdiction_code, categories,
                               description, severity, status, assigned_bureau_id, ack_due_at, resolve_due_at)
       SELECT 'COUNT' || lpad(n::text, 6, '0'), 'x', 'x', 'hotline', '2026-05-01T00:00:00Z'::timestamptz + make_interval(mins => n), '2026-05-01',
              $1, '350100', ARRAY['no_written_contract'], 'A complaint written for the count test.', 'medium',
              CASE WHEN n <= 340 THEN 'received' ELSE 'closed' END, $2, '2026-07-01', '2026-09-01'
         FROM generate_series(1, 345) n`,
      [world.agencies.fuzhou, world.bureaus.fuzhou],
    );
    // 130 applications of the Fuzhou agency, all waiting.
    await t.db.query(
      `INSERT INTO licence_applications (agency_id, jurisdiction_code, kind, licence_type, requested_scope, status, submitted_by)
       SELECT $1, '350100', 'new', 'overseas_employment', '{"activities":["overseas_placement"],"destinationCountries":["SG"]}', 'submitted', $2
         FROM generate_series(1, 130)`,
      [world.agencies.fuzhou, world.users['agency-fj-1']],
    );
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);

  it('counts every complaint by status in the caller’s jurisdiction, past any page size', async () => {
    const counts = (await get('fz-admin', '/api/complaints/counts').expect(200)).body;
    expect(counts.byStatus).toMatchObject({ received: 340, closed: 5, triaged: 0 });
    expect(counts.total).toBe(345);
    // A page stops at its limit; the count does not.
    expect((await get('fz-admin', '/api/complaints?status=received&limit=100').expect(200)).body.items).toHaveLength(100);
    expect((await get('ln-admin', '/api/complaints/counts').expect(200)).body.total).toBe(0);
    expect((await get('ministry', '/api/complaints/counts').expect(200)).body.byStatus.received).toBe(340);
  });

  it('counts applications, self-assessments and corrective actions the same way', async () => {
    expect((await get('fj-admin', '/api/licence-applications/counts').expect(200)).body.byStatus.submitted).toBe(130);
    expect((await get('agency-fj-1', '/api/licence-applications/counts').expect(200)).body.byStatus.submitted).toBe(130);
    expect((await get('ln-admin', '/api/licence-applications/counts').expect(200)).body.total).toBe(0);
    expect((await get('fj-admin', '/api/self-assessments/counts').expect(200)).body).toMatchObject({ total: 0, byStatus: { draft: 0, submitted: 0 } });
    expect((await get('fj-admin', '/api/corrective-actions/counts').expect(200)).body).toMatchObject({ total: 0, byStatus: { open: 0 } });
    await get('admin', '/api/complaints/counts').expect(403);
  });
});
