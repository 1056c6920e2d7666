import { seedWorld, signInAll, World } from './support/fixtures';
import { findingsFor, itemCodes } from './support/monitoring-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** What inspectors write for themselves (a tip-off, how to plan the visit) never reaches the inspected agency; what they mean it to read is its own field. */
describe('inspectors’ notes stay internal', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let inspectionId: string;
  const TIP_OFF = '前员工举报：该公司向劳动者收取中介费 / Tip-off from a former worker: fees charged to workers';

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-10T02:00:00Z');
    world = await seedWorld(t);
    as = await signInAll(t);
    const created = await t
      .http()
      .post('/api/inspections')
      .set('authorization', as['fj-inspector'])
      .send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-10', notes: TIP_OFF, noteToAgency: '请备好近一年的工资台账' })
      .expect(201);
    expect(created.body).toMatchObject({ notes: TIP_OFF, noteToAgency: '请备好近一年的工资台账' });
    inspectionId = created.body.id;
    const codes = await itemCodes(t, created.body.templateId);
    const filed = await t.http().put(`/api/inspections/${inspectionId}/findings`).set('authorization', as['fj-inspector']).send({ findings: findingsFor(codes), version: created.body.version }).expect(200);
    await t
      .http()
      .post(`/api/inspections/${inspectionId}/submit`)
      .set('authorization', as['fj-inspector'])
      .send({ version: filed.body.version, noteToAgency: '检查合规，请继续保持工资台账 / Compliant: keep the payroll records' })
      .expect(200);
  });
  afterAll(() => t.close());

  const get = (user: string, url: string) => t.http().get(url).set('authorization', as[user]);

  it('the agency reads the submitted inspection without the planning notes, with the note meant for it', async () => {
    const detail = (await get('agency-fj-1', `/api/inspections/${inspectionId}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'submitted', notes: null, noteToAgency: '检查合规，请继续保持工资台账 / Compliant: keep the payroll records' });
    const [listed] = (await get('agency-fj-1', `/api/inspections?agencyId=${world.agencies.fuzhou}`).expect(200)).body.items;
    expect(listed).toMatchObject({ id: inspectionId, notes: null });
    const profile = (await get('agency-fj-1', `/api/agencies/${world.agencies.fuzhou}/profile`).expect(200)).body;
    expect(JSON.stringify(profile)).not.toContain('Tip-off');
  });

  it('officials still read their notes', async () => {
    expect((await get('fj-inspector', `/api/inspections/${inspectionId}`).expect(200)).body.notes).toBe(TIP_OFF);
    expect((await get('fz-admin', `/api/inspections/${inspectionId}`).expect(200)).body.notes).toBe(TIP_OFF);
  });

  it('a note for the agency is bounded like any text', async () => {
    const tooLong = await t
      .http()
      .post('/api/inspections')
      .set('authorization', as['fj-inspector'])
      .send({ agencyId: world.agencies.fuzhou, type: 'routine', inspectionDate: '2026-06-11', noteToAgency: 'x'.repeat(4001) })
      .expect(400);
    expect(tooLong.body.errors[0].field).toBe('noteToAgency');
  });
});
