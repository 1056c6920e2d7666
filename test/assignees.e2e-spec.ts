import { SettableClock } from '@app/core';
import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { complaintBody } from './support/complaint-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A bureau admin sees and assigns the officers of its own bureau and the bureaus below it. */
describe('assignable people', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let complaint: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp({ clock: new SettableClock('2026-06-01T02:00:00Z') });
    world = await seedWorld(t);
    as = await signInAll(t);
    await t.db.query(`UPDATE users SET display_name = '福州检查员' WHERE username = 'fz-inspector'`);
    // A disabled Fuzhou inspector may be neither listed as assignable nor assigned.
    await t.db.query(
      `INSERT INTO users (username, display_name, password_hash, role, bureau_id, status)
       SELECT 'fz-retired', 'retired', password_hash, 'inspector', bureau_id, 'disabled' FROM users WHERE username = 'fz-inspector'`,
    );
    const created = await t.http().post('/api/public/complaints').send(complaintBody({ jurisdictionCode: '350100' })).expect(201);
    const [row] = (await t.db.query(`SELECT id, version FROM complaints WHERE tracking_code = $1`, [created.body.trackingCode])) as { id: string; version: number }[];
    complaint = row;
  });
  afterAll(() => t.close());

  it("lets the province admin list a city bureau's inspectors", async () => {
    const response = await t.http().get('/api/users').query({ bureauId: world.bureaus.fuzhou, role: 'inspector' }).set('authorization', as['fj-admin']).expect(200);
    expect(response.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['fz-inspector', 'fz-retired']);
    const all = await t.http().get('/api/users').set('authorization', as['fj-admin']).expect(200);
    expect(all.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['agency-fj-1', 'fj-admin', 'fj-inspector', 'fz-admin', 'fz-inspector', 'fz-retired', 'xm-admin']);
    // A city admin still sees its own bureau only (and its city's agency accounts), not its parent or a sibling.
    const city = await t.http().get('/api/users').set('authorization', as['fz-admin']).expect(200);
    expect(city.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['agency-fj-1', 'fz-admin', 'fz-inspector', 'fz-retired']);
    await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['fj-admin']).expect(200);
    await t.http().get(`/api/users/${world.users['fj-inspector']}`).set('authorization', as['fz-admin']).expect(404);
    await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['ln-admin']).expect(404);
  });

  it('answers who may take a complaint: active officers of the covering bureaus in scope, nearest first, with bureau names', async () => {
    const province = await t.http().get(`/api/complaints/${complaint.id}/assignees`).set('authorization', as['fj-admin']).expect(200);
    expect(province.body.items).toEqual([
      { id: world.users['fz-inspector'], displayName: '福州检查员', role: 'inspector', bureauId: world.bureaus.fuzhou, bureauName: 'Fuzhou HRSS' },
      { id: world.users['fz-admin'], displayName: 'fz-admin', role: 'bureau_admin', bureauId: world.bureaus.fuzhou, bureauName: 'Fuzhou HRSS' },
      { id: world.users['fj-inspector'], displayName: 'fj-inspector', role: 'inspector', bureauId: world.bureaus.fujian, bureauName: 'Fujian HRSS' },
      { id: world.users['fj-admin'], displayName: 'fj-admin', role: 'bureau_admin', bureauId: world.bureaus.fujian, bureauName: 'Fujian HRSS' },
    ]);
    const city = await t.http().get(`/api/complaints/${complaint.id}/assignees`).set('authorization', as['fz-admin']).expect(200);
    expect(city.body.items.map((o: { id: string }) => o.id)).toEqual([world.users['fz-inspector'], world.users['fz-admin']]);
  });

  it('refuses the assignee list to other roles (403) and other jurisdictions (404)', async () => {
    for (const user of ['fz-inspector', 'ministry', 'agency-fj-1', 'admin']) {
      expectProblem((await t.http().get(`/api/complaints/${complaint.id}/assignees`).set('authorization', as[user]).expect(403)).body, 403);
    }
    expectProblem((await t.http().get(`/api/complaints/${complaint.id}/assignees`).set('authorization', as['ln-admin']).expect(404)).body, 404);
    expectProblem((await t.http().get(`/api/complaints/${complaint.id}/assignees`).set('authorization', as['xm-admin']).expect(404)).body, 404);
    await t.http().get(`/api/complaints/00000000-0000-4000-8000-000000000000/assignees`).set('authorization', as['fj-admin']).expect(404);
  });

  it('assigns a Fuzhou inspector as the province admin, moving the complaint to Fuzhou; refuses anyone the list does not name', async () => {
    // Disabled; another province; a city that does not cover the complaint; not an official; the ministry.
    for (const username of ['fz-retired', 'ln-admin', 'xm-admin', 'agency-fj-1', 'ministry']) {
      const [{ id }] = (await t.db.query(`SELECT id FROM users WHERE username = $1`, [username])) as { id: string }[];
      const refused = await t.http().post(`/api/complaints/${complaint.id}/assign`).set('authorization', as['fj-admin']).send({ assigneeId: id, version: complaint.version }).expect(400);
      expectProblem(refused.body, 400);
      expect(refused.body.errors).toEqual([{ field: 'assigneeId', message: expect.stringContaining(`/api/complaints/${complaint.id}/assignees`) }]);
    }
    const mismatched = await t
      .http()
      .post(`/api/complaints/${complaint.id}/assign`)
      .set('authorization', as['fj-admin'])
      .send({ bureauId: world.bureaus.fujian, assigneeId: world.users['fz-inspector'], version: complaint.version })
      .expect(400);
    expect(mismatched.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId', message: expect.stringContaining('another bureau') })]);
    const [unchanged] = (await t.db.query(`SELECT version, assignee_id FROM complaints WHERE id = $1`, [complaint.id])) as { version: number; assignee_id: string | null }[];
    expect(unchanged).toEqual({ version: complaint.version, assignee_id: null });

    const assigned = await t
      .http()
      .post(`/api/complaints/${complaint.id}/assign`)
      .set('authorization', as['fj-admin'])
      .send({ assigneeId: world.users['fz-inspector'], version: complaint.version })
      .expect(200);
    expect(assigned.body).toMatchObject({ assigneeId: world.users['fz-inspector'], assigneeName: '福州检查员', assignedBureauId: world.bureaus.fuzhou, assignedBureauName: 'Fuzhou HRSS' });
    // The city admin then handles it like any of its own.
    await t.http().get(`/api/complaints/${complaint.id}`).set('authorization', as['fz-admin']).expect(200);
  });
});
