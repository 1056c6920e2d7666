import { expectProblem, seedWorld, signInAll, World } from './support/fixtures';
import { asOwner, startTestApp, TestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
    for (const name of ['one', 'two', 'three']) {
      await t.http().post('/api/users').set('authorization', as['fj-admin']).send({ username: `audit-${name}`, displayName: name, password: 'a-long-enough-password', role: 'inspector' }).expect(201);
    }
  });
  afterAll(() => t.close());

  it('records the actor, role, action, entity, before/after and request id of a write', async () => {
    const created = await t.http().post('/api/users').set('authorization', as['fz-admin']).set('x-request-id', 'req-audit-0001').send({ username: 'audited-user', displayName: 'Before', password: 'a-long-enough-password', role: 'inspector' }).expect(201);
    await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fz-admin']).send({ version: 1, displayName: 'After' }).expect(200);
    const page = await t.http().get(`/api/audit?entityType=user&entityId=${created.body.id}`).set('authorization', as.ministry).expect(200);
    expect(page.body.items.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);
    const [update, create] = page.body.items;
    expect(create).toMatchObject({ actorUsername: 'fz-admin', actorRole: 'bureau_admin', actorId: world.users['fz-admin'], requestId: 'req-audit-0001' });
    expect(update.before.displayName).toBe('Before');
    expect(update.after.displayName).toBe('After');
  });

  it('filters by actor and time, newest first, and pages', async () => {
    const byActor = await t.http().get('/api/audit?actor=fj-admin&limit=2').set('authorization', as.admin).expect(200);
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.items.every((e: { actorUsername: string }) => e.actorUsername === 'fj-admin')).toBe(true);
    expect(Number(byActor.body.items[0].seq)).toBeGreaterThan(Number(byActor.body.items[1].seq));
    const next = await t.http().get(`/api/audit?actor=fj-admin&limit=2&cursor=${byActor.body.nextCursor}`).set('authorization', as.admin).expect(200);
    expect(next.body.items.length).toBeGreaterThanOrEqual(1);
    const future = await t.http().get('/api/audit?from=2999-01-01T00:00:00Z').set('authorization', as.admin).expect(200);
    expect(future.body.items).toEqual([]);
    const bad = await t.http().get('/api/audit?from=yesterday').set('authorization', as.admin).expect(400);
    expect(bad.body.errors[0].field).toBe('from');
  });

  it('is for ministry officials and system admins only', async () => {
    for (const username of ['fj-admin', 'fz-inspector', 'agency-fj-1']) {
      expectProblem((await t.http().get('/api/audit').set('authorization', as[username]).expect(403)).body, 403);
      await t.http().get('/api/audit/verify').set('authorization', as[username]).expect(403);
    }
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself, even to the owner of the table', async () => {
    await expect(asOwner(t, `UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(asOwner(t, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(asOwner(t, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain intact under concurrent writes', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.http().post('/api/users').set('authorization', as['fj-admin']).send({ username: `burst-${i}`, displayName: 'Burst', password: 'a-long-enough-password', role: 'inspector' }).expect(201),
      ),
    );
    const verify = await t.http().get('/api/audit/verify').set('authorization', as.ministry).expect(200);
    expect(verify.body).toMatchObject({ valid: true, firstBrokenSeq: null });
  });

  it('verifies, then names the first row altered behind the API’s back', async () => {
    const before = await t.http().get('/api/audit/verify').set('authorization', as.admin).expect(200);
    expect(before.body.valid).toBe(true);
    expect(before.body.checkedEvents).toBeGreaterThan(10);

    const [{ seq }] = await t.db.query(`SELECT seq::text FROM audit_events WHERE action = 'user.create' ORDER BY seq LIMIT 1 OFFSET 1`);
    // What a database superuser could do: switch the guard off and rewrite history.
    await asOwner(t, `ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await asOwner(t, `UPDATE audit_events SET after = jsonb_set(after, '{role}', '"bureau_admin"') WHERE seq = $1`, [seq]);
    await asOwner(t, `ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);

    const after = await t.http().get('/api/audit/verify').set('authorization', as.admin).expect(200);
    expect(after.body).toMatchObject({ valid: false, firstBrokenSeq: seq });
    expect(after.body.reason).toMatch(/content/);
  });
});
