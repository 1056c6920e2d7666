import { randomUUID } from 'node:crypto';
import { JobRunner } from '@app/scheduler';
import { seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Entering credit grade C plans one surveillance inspection per entry (not per run of the job) and tells the bureau governing the agency. */
describe('grade C puts the agency under surveillance', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  const grade = () => t.app.get(JobRunner).runJob('credit-grades', 'test');
  const award = (agencyId: string, points: number) =>
    t.db.query(`INSERT INTO demerit_points (agency_id, source, source_id, points, reason, awarded_on) VALUES ($1, 'case', $2, $3, 'test sanction', '2026-06-01')`, [agencyId, randomUUID(), points]);
  const surveillance = (agencyId: string) =>
    t.db.query(
      `SELECT id, status, bureau_id AS "bureauId", lead_inspector_id AS "leadInspectorId", inspection_date::text AS "inspectionDate"
         FROM inspections WHERE agency_id = $1 AND type = 'surveillance' ORDER BY created_at`,
      [agencyId],
    ) as Promise<{ id: string; status: string; bureauId: string; leadInspectorId: string | null; inspectionDate: string }[]>;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-15T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  it('plans a surveillance inspection on entering C, led by the city’s inspector, and tells the bureau; reruns plan nothing more', async () => {
    await award(world.agencies.fuzhou, 12);
    await grade();
    const [planned] = await surveillance(world.agencies.fuzhou);
    expect(planned).toMatchObject({ status: 'planned', bureauId: world.bureaus.fuzhou, leadInspectorId: world.users['fz-inspector'], inspectionDate: '2026-12-15' });
    await grade();
    await grade();
    expect(await surveillance(world.agencies.fuzhou)).toHaveLength(1);
    const told = await t.db.query(`SELECT recipient_user_id AS "user", payload FROM notifications WHERE kind = 'credit_grade.surveillance'`);
    expect(told).toEqual([expect.objectContaining({ user: world.users['fz-admin'], payload: expect.objectContaining({ inspectionId: planned.id, dueOn: '2026-12-15' }) })]);
    const assigned = await t.db.query(`SELECT 1 FROM notifications WHERE kind = 'inspection.assigned' AND recipient_user_id = $1`, [world.users['fz-inspector']]);
    expect(assigned).toHaveLength(1);
    const inspection = (await t.http().get(`/api/inspections/${planned.id}`).set('authorization', as['fz-inspector']).expect(200)).body;
    expect(inspection).toMatchObject({ type: 'surveillance', status: 'planned' });
  });

  it('a new entry into C after leaving it plans a new one', async () => {
    await t.db.query(`UPDATE demerit_points SET voided_at = now() WHERE agency_id = $1`, [world.agencies.fuzhou]);
    await grade();
    const [row] = await t.db.query(`SELECT grade, surveillance_inspection_id AS "inspectionId" FROM agency_credit_grades WHERE agency_id = $1`, [world.agencies.fuzhou]);
    expect(row).toEqual({ grade: 'B', inspectionId: null });
    await award(world.agencies.fuzhou, 13);
    await grade();
    expect(await surveillance(world.agencies.fuzhou)).toHaveLength(2);
  });

  it('with no inspector for the city, the inspection waits in the bureau’s queue and the bureau is told to assign it', async () => {
    await award(world.agencies.xiamen, 15);
    await grade();
    const [planned] = await surveillance(world.agencies.xiamen);
    expect(planned).toMatchObject({ bureauId: world.bureaus.xiamen, leadInspectorId: null });
    const queue = (await t.http().get('/api/inspections?unassigned=true').set('authorization', as['xm-admin']).expect(200)).body.items as { id: string }[];
    expect(queue.map((i) => i.id)).toEqual([planned.id]);
    const [told] = await t.db.query(`SELECT recipient_user_id AS "user" FROM notifications WHERE kind = 'credit_grade.surveillance' AND payload->>'inspectionId' = $1`, [planned.id]);
    expect(told.user).toBe(world.users['xm-admin']);
  });
});
