import { expectProblem, login, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A one-time password-reset link, moving an official between bureaus, editing and disabling bureaus. */
describe('password resets, user moves and bureau changes', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  const NEW_PASSWORD = 'harbour lantern violet sandstone';

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const issue = (userId: string, by: string) => t.http().post(`/api/users/${userId}/password-reset`).set('authorization', as[by]);
  const complete = (token: string, newPassword = NEW_PASSWORD) => t.http().post('/api/auth/password-reset').send({ token, newPassword });
  const tokenOf = (resetPath: string) => resetPath.split('#')[1];

  describe('a one-time password-reset link', () => {
    it('is for administrators within their reach only', async () => {
      await issue(world.users['fz-inspector'], 'fj-inspector').expect(403);
      await issue(world.users['fz-inspector'], 'ministry').expect(403);
      const other = await issue(world.users['fz-inspector'], 'xm-admin').expect(404);
      expectProblem(other.body, 404);
      await t.http().post(`/api/users/${world.users['fz-inspector']}/password-reset`).expect(401);
    });

    it('gives the administrator a link (never a password) that sets a new one once and ends every sign-in', async () => {
      const before = await login(t, 'fz-inspector');
      const issued = await issue(world.users['fz-inspector'], 'fz-admin').expect(201);
      expect(issued.body).toMatchObject({ userId: world.users['fz-inspector'], username: 'fz-inspector', resetPath: expect.stringMatching(/^\/reset-password#[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/) });
      expect(new Date(issued.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
      const [stored] = await t.db.query(`SELECT token_hash FROM password_resets WHERE user_id = $1`, [world.users['fz-inspector']]);
      expect(issued.body.resetPath).not.toContain(stored.token_hash);

      await complete(tokenOf(issued.body.resetPath)).expect(204);
      await login(t, 'fz-inspector', NEW_PASSWORD);
      await t.http().post('/api/auth/login').send({ username: 'fz-inspector', password: 'correct-horse-battery-staple' }).expect(401);
      // The sign-ins from before the reset are over: access token and refresh token alike.
      await t.http().get('/api/me').set('authorization', `Bearer ${before.accessToken}`).expect(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);

      const again = await complete(tokenOf(issued.body.resetPath), 'another harbour lantern violet').expect(400);
      expect(again.body).toMatchObject({ status: 400, type: expect.stringContaining('invalid-reset-link') });
      const audit = await t.db.query(`SELECT action, actor_username FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.password-reset%' ORDER BY occurred_at`, [world.users['fz-inspector']]);
      expect(audit).toEqual([
        { action: 'user.password-reset-issue', actor_username: 'fz-admin' },
        { action: 'user.password-reset-complete', actor_username: 'fz-inspector' },
      ]);
    });

    it('cancels the earlier link when a new one is issued, and refuses an expired one', async () => {
      const first = await issue(world.users['xm-admin'], 'fj-admin').expect(201);
      const second = await issue(world.users['xm-admin'], 'fj-admin').expect(201);
      await complete(tokenOf(first.body.resetPath)).expect(400);
      await t.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE id = $1`, [tokenOf(second.body.resetPath).split('.')[0]]);
      await complete(tokenOf(second.body.resetPath)).expect(400);
      await login(t, 'xm-admin');
    });

    it('holds the new password to the policy, with the problem on newPassword, and keeps the link usable', async () => {
      const issued = await issue(world.users['fj-inspector'], 'fj-admin').expect(201);
      const weak = await complete(tokenOf(issued.body.resetPath), 'password1234').expect(400);
      expect(weak.body.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/too easy to guess|characters long/) }]);
      await complete(tokenOf(issued.body.resetPath)).expect(204);
    });

    it('refuses a forged or malformed token without saying which part was wrong', async () => {
      const issued = await issue(world.users['ln-admin'], 'admin').expect(201);
      const [id] = tokenOf(issued.body.resetPath).split('.');
      const forged = await complete(`${id}.${'A'.repeat(43)}`).expect(400);
      const malformed = await complete('not-a-token').expect(400);
      expect(forged.body.detail).toBe(malformed.body.detail);
      await complete('x', NEW_PASSWORD + 'x'.repeat(300)).expect(400);
    });

    it('refuses a link for a disabled account (409)', async () => {
      const created = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'leaving-officer', displayName: 'Leaving', password: NEW_PASSWORD, role: 'inspector', bureauId: world.bureaus.fujian }).expect(201);
      await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as.admin).send({ version: 1, status: 'disabled' }).expect(200);
      const refused = await issue(created.body.id, 'admin').expect(409);
      expect(refused.body.detail).toMatch(/disabled/);
    });
  });

  describe('moving an official to another bureau', () => {
    it('moves an inspector within the admin\'s reach, ends their sign-ins, and their reach follows', async () => {
      const created = await t.http().post('/api/users').set('authorization', as['fj-admin']).send({ username: 'moving-inspector', displayName: 'Moving', password: NEW_PASSWORD, role: 'inspector', bureauId: world.bureaus.fuzhou }).expect(201);
      const before = await login(t, 'moving-inspector', NEW_PASSWORD);
      const moved = await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, bureauId: world.bureaus.xiamen }).expect(200);
      expect(moved.body).toMatchObject({ bureauId: world.bureaus.xiamen, version: 2 });
      await t.http().get('/api/me').set('authorization', `Bearer ${before.accessToken}`).expect(401);
      const after = await login(t, 'moving-inspector', NEW_PASSWORD);
      const me = await t.http().get('/api/me').set('authorization', `Bearer ${after.accessToken}`).expect(200);
      expect(me.body.jurisdictionPrefix).toBe('3502');
    });

    it('refuses a move out of the admin\'s reach (403), a bureau for an agency user (400) and a stale version (409)', async () => {
      const fz = await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['fz-admin']).expect(200);
      await t.http().patch(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['fz-admin']).send({ version: fz.body.version, bureauId: world.bureaus.liaoning }).expect(403);
      const agencyUser = await t.http().get(`/api/users/${world.users['agency-fj-1']}`).set('authorization', as.admin).expect(200);
      const bad = await t.http().patch(`/api/users/${world.users['agency-fj-1']}`).set('authorization', as.admin).send({ version: agencyUser.body.version, bureauId: world.bureaus.fujian }).expect(400);
      expect(bad.body.errors[0].field).toBe('bureauId');
      await t.http().patch(`/api/users/${world.users['fz-inspector']}`).set('authorization', as.admin).send({ version: fz.body.version + 5, bureauId: world.bureaus.xiamen }).expect(409);
      const unchanged = await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as.admin).expect(200);
      expect(unchanged.body.bureauId).toBe(world.bureaus.fuzhou);
    });

    it('refuses an administrator moving themselves', async () => {
      const self = await t.http().get(`/api/users/${world.users['fj-admin']}`).set('authorization', as['fj-admin']).expect(200);
      await t.http().patch(`/api/users/${world.users['fj-admin']}`).set('authorization', as['fj-admin']).send({ version: self.body.version, bureauId: world.bureaus.fuzhou }).expect(409);
    });
  });

  describe('editing and disabling bureaus', () => {
    it('renames a bureau and changes its email, audited; a stale version is 409', async () => {
      const bureau = await t.http().get(`/api/bureaus/${world.bureaus.liaoning}`).set('authorization', as.admin).expect(200);
      expect(bureau.body.status).toBe('active');
      const renamed = await t.http().patch(`/api/bureaus/${world.bureaus.liaoning}`).set('authorization', as.admin).send({ version: bureau.body.version, name: 'Liaoning Provincial HRSS', email: 'hrss@ln.example.cn' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Liaoning Provincial HRSS', email: 'hrss@ln.example.cn', version: bureau.body.version + 1 });
      await t.http().patch(`/api/bureaus/${world.bureaus.liaoning}`).set('authorization', as.admin).send({ version: bureau.body.version, name: 'Stale' }).expect(409);
      const [event] = await t.db.query(`SELECT actor_username FROM audit_events WHERE entity_id = $1 AND action = 'bureau.update'`, [world.bureaus.liaoning]);
      expect(event.actor_username).toBe('admin');
    });

    it('refuses to disable a bureau that still has active users, then disables it once they are gone; a disabled bureau takes no new users', async () => {
      const created = await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Ningde HRSS', level: 'city', jurisdictionCode: '350900' }).expect(201);
      const officer = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'nd-inspector', displayName: 'Ningde Inspector', password: NEW_PASSWORD, role: 'inspector', bureauId: created.body.id }).expect(201);
      const refused = await t.http().patch(`/api/bureaus/${created.body.id}`).set('authorization', as.admin).send({ version: 1, status: 'disabled' }).expect(409);
      expect(refused.body).toMatchObject({ activeUsers: 1, detail: expect.stringMatching(/1 active users/) });
      await t.http().patch(`/api/users/${officer.body.id}`).set('authorization', as.admin).send({ version: 1, status: 'disabled' }).expect(200);
      const disabled = await t.http().patch(`/api/bureaus/${created.body.id}`).set('authorization', as.admin).send({ version: 1, status: 'disabled' }).expect(200);
      expect(disabled.body.status).toBe('disabled');
      const noNewUsers = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'nd-second', displayName: 'Second', password: NEW_PASSWORD, role: 'inspector', bureauId: created.body.id }).expect(400);
      expect(noNewUsers.body.errors).toEqual([{ field: 'bureauId', message: 'the bureau is disabled' }]);
    });

    it('is for the system admin only, and validates what it is given', async () => {
      await t.http().patch(`/api/bureaus/${world.bureaus.fujian}`).set('authorization', as['fj-admin']).send({ version: 1, name: 'x' }).expect(403);
      const bad = await t.http().patch(`/api/bureaus/${world.bureaus.fujian}`).set('authorization', as.admin).send({ version: 1, status: 'closed', email: 'not-an-email' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'status']);
      await t.http().patch(`/api/bureaus/${world.bureaus.ministry}`).set('authorization', as.admin).send({ version: 1, status: 'disabled' }).expect(409);
    });
  });
});
