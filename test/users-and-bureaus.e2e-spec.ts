import { expectProblem, login, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('users and bureaus', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: `user-${Math.random().toString(36).slice(2, 10)}`,
    displayName: 'New Officer',
    password: 'a-long-enough-password',
    role: 'inspector',
    ...overrides,
  });

  describe('who may call the user routes', () => {
    it.each(['ministry', 'fj-inspector', 'agency-fj-1'])('refuses %s with 403', async (username) => {
      for (const [method, path] of [['get', '/api/users'], ['post', '/api/users'], ['get', `/api/users/${world.users.admin}`], ['patch', `/api/users/${world.users.admin}`]] as const) {
        const response = await t.http()[method](path).set('authorization', as[username]).send({});
        expect([path, response.status]).toEqual([path, 403]);
        expectProblem(response.body, 403);
      }
    });

    it('refuses anonymous callers with 401', async () => {
      await t.http().get('/api/users').expect(401);
      await t.http().get('/api/bureaus').expect(401);
    });

    it('shows a system admin every user', async () => {
      const response = await t.http().get('/api/users?limit=100').set('authorization', as.admin).expect(200);
      expect(response.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'fz-admin', 'xm-admin', 'ln-admin']));
      expect(response.body.items[0]).not.toHaveProperty('passwordHash');
    });

    it('shows a bureau admin only the users of its own bureau and the accounts of its agencies', async () => {
      const response = await t.http().get('/api/users').set('authorization', as['fz-admin']).expect(200);
      expect(response.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['agency-fj-1', 'fz-admin', 'fz-inspector']);
      const xiamen = await t.http().get('/api/users').set('authorization', as['xm-admin']).expect(200);
      expect(xiamen.body.items.map((u: { username: string }) => u.username)).not.toContain('agency-fj-1');
      await t.http().get(`/api/users/${world.users['agency-fj-1']}`).set('authorization', as['xm-admin']).expect(404);
    });

    it("lets a bureau admin disable its agency's account but not turn it into an officer", async () => {
      const agencyUser = await t.http().get(`/api/users/${world.users['agency-fj-1']}`).set('authorization', as['fz-admin']).expect(200);
      const refused = await t.http().patch(`/api/users/${agencyUser.body.id}`).set('authorization', as['fz-admin']).send({ version: agencyUser.body.version, role: 'inspector' }).expect(400);
      expectProblem(refused.body, 400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
      const disabled = await t.http().patch(`/api/users/${agencyUser.body.id}`).set('authorization', as['fz-admin']).send({ version: agencyUser.body.version, status: 'disabled' }).expect(200);
      expect(disabled.body).toMatchObject({ status: 'disabled', role: 'agency_user' });
      await t.http().patch(`/api/users/${agencyUser.body.id}`).set('authorization', as['fz-admin']).send({ version: disabled.body.version, status: 'active' }).expect(200);
      as['agency-fj-1'] = `Bearer ${(await login(t, 'agency-fj-1')).accessToken}`;
    });

    it("hides another city's users from a city bureau admin (404, as if they did not exist)", async () => {
      const other = await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['xm-admin']).expect(404);
      const missing = await t.http().get('/api/users/00000000-0000-4000-8000-000000000000').set('authorization', as['xm-admin']).expect(404);
      expectProblem(other.body, 404);
      expect(other.body.title).toBe(missing.body.title);
      await t.http().patch(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['xm-admin']).send({ version: 1, displayName: 'x' }).expect(404);
      await t.http().get(`/api/users/${world.users['fz-inspector']}`).set('authorization', as['fz-admin']).expect(200);
    });
  });

  describe('creating and changing users', () => {
    it('lets a bureau admin create an inspector in its own bureau, audited', async () => {
      const response = await t.http().post('/api/users').set('authorization', as['fz-admin']).send(newUser()).expect(201);
      expect(response.body).toMatchObject({ role: 'inspector', bureauId: world.bureaus.fuzhou, status: 'active', version: 1 });
      const [event] = await t.db.query(`SELECT actor_username, action, after FROM audit_events WHERE entity_id = $1`, [response.body.id]);
      expect(event).toMatchObject({ actor_username: 'fz-admin', action: 'user.create' });
      expect(JSON.stringify(event.after)).not.toMatch(/password/i);
    });

    it("refuses a bureau admin a user in another bureau, or a role it cannot grant", async () => {
      await t.http().post('/api/users').set('authorization', as['fz-admin']).send(newUser({ bureauId: world.bureaus.xiamen })).expect(403);
      await t.http().post('/api/users').set('authorization', as['fz-admin']).send(newUser({ role: 'system_admin' })).expect(403);
      await t.http().post('/api/users').set('authorization', as['fz-admin']).send(newUser({ role: 'ministry_official' })).expect(403);
    });

    it('lets a system admin create any role, and checks the affiliation', async () => {
      await t.http().post('/api/users').set('authorization', as.admin).send(newUser({ role: 'ministry_official', bureauId: world.bureaus.ministry })).expect(201);
      const wrong = await t.http().post('/api/users').set('authorization', as.admin).send(newUser({ role: 'ministry_official', bureauId: world.bureaus.fujian })).expect(400);
      expect(wrong.body.errors).toEqual([{ field: 'role', message: 'ministry officials belong to the ministry' }]);
      const noBureau = await t.http().post('/api/users').set('authorization', as.admin).send(newUser({ role: 'inspector' })).expect(400);
      expect(noBureau.body.errors[0].field).toBe('bureauId');
    });

    it('refuses a duplicate username with 409 and bad fields with a field-level 400', async () => {
      const body = newUser();
      await t.http().post('/api/users').set('authorization', as.admin).send({ ...body, bureauId: world.bureaus.fujian }).expect(201);
      const duplicate = await t.http().post('/api/users').set('authorization', as.admin).send({ ...body, bureauId: world.bureaus.fujian }).expect(409);
      expectProblem(duplicate.body, 409);
      const invalid = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'Bad Name!', displayName: '', password: 'short', role: 'king', extra: true }).expect(400);
      expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = new Set(invalid.body.errors.map((e: { field: string }) => e.field));
      expect([...fields].sort()).toEqual(['displayName', 'extra', 'password', 'role', 'username']);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE display_name = ''`);
      expect(n).toBe(0);
    });

    it('updates with the version read, and refuses a stale version with 409', async () => {
      const created = await t.http().post('/api/users').set('authorization', as['fj-admin']).send(newUser()).expect(201);
      const updated = await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, displayName: 'Renamed' }).expect(200);
      expect(updated.body).toMatchObject({ displayName: 'Renamed', version: 2 });
      const stale = await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, displayName: 'Lost update' }).expect(409);
      expect(stale.body.type).toMatch(/stale-version/);
      const [row] = await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [created.body.id]);
      expect(row.display_name).toBe('Renamed');
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const created = await t.http().post('/api/users').set('authorization', as['fj-admin']).send(newUser()).expect(201);
      const answers = await Promise.all(
        ['A', 'B', 'C'].map((name) => t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, displayName: name })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    });

    it('disabling a user ends its sessions; an admin cannot disable itself', async () => {
      const password = 'a-long-enough-password';
      const created = await t.http().post('/api/users').set('authorization', as['fj-admin']).send(newUser()).expect(201);
      const tokens = await t.http().post('/api/auth/login').send({ username: created.body.username, password }).expect(200);
      await t.http().patch(`/api/users/${created.body.id}`).set('authorization', as['fj-admin']).send({ version: 1, status: 'disabled' }).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.body.refreshToken }).expect(401);
      await t.http().post('/api/auth/login').send({ username: created.body.username, password }).expect(401);
      const self = await t.http().patch(`/api/users/${world.users['fj-admin']}`).set('authorization', as['fj-admin']).send({ version: 1, status: 'disabled' }).expect(409);
      expect(self.body.detail).toMatch(/yourself/);
    });
  });

  describe('bureaus', () => {
    it('lists every bureau for national roles, and a province admin its own and its cities', async () => {
      const national = await t.http().get('/api/bureaus').set('authorization', as.ministry).expect(200);
      expect(national.body.items).toHaveLength(5);
      const fujian = await t.http().get('/api/bureaus').set('authorization', as['fj-admin']).expect(200);
      expect(fujian.body.items.map((b: { jurisdictionCode: string }) => b.jurisdictionCode).sort()).toEqual(['350000', '350100', '350200']);
      const fuzhou = await t.http().get('/api/bureaus').set('authorization', as['fz-admin']).expect(200);
      expect(fuzhou.body.items.map((b: { jurisdictionCode: string }) => b.jurisdictionCode)).toEqual(['350100']);
    });

    it('pages bureaus with a cursor', async () => {
      const first = await t.http().get('/api/bureaus?limit=2').set('authorization', as.admin).expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await t.http().get(`/api/bureaus?limit=2&cursor=${first.body.nextCursor}`).set('authorization', as.admin).expect(200);
      const third = await t.http().get(`/api/bureaus?limit=2&cursor=${second.body.nextCursor}`).set('authorization', as.admin).expect(200);
      expect(third.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((b: { id: string }) => b.id);
      expect(new Set(ids).size).toBe(5);
      const bad = await t.http().get('/api/bureaus?cursor=bm90LWEtY3Vyc29y').set('authorization', as.admin).expect(400);
      expect(bad.body.errors[0].field).toBe('cursor');
    });

    it("answers 404 for a bureau outside a bureau admin's reach", async () => {
      await t.http().get(`/api/bureaus/${world.bureaus.liaoning}`).set('authorization', as['fj-admin']).expect(404);
      await t.http().get(`/api/bureaus/${world.bureaus.fuzhou}`).set('authorization', as['fj-admin']).expect(200);
      await t.http().get(`/api/bureaus/not-a-uuid`).set('authorization', as['fj-admin']).expect(400);
    });

    it('lets only a system admin create bureaus, with a level matching the division', async () => {
      await t.http().post('/api/bureaus').set('authorization', as['fj-admin']).send({ name: 'Putian', level: 'city', jurisdictionCode: '350300' }).expect(403);
      await t.http().post('/api/bureaus').set('authorization', as.ministry).send({ name: 'Putian', level: 'city', jurisdictionCode: '350300' }).expect(403);
      const created = await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Putian HRSS', level: 'city', jurisdictionCode: '350300' }).expect(201);
      expect(created.body).toMatchObject({ level: 'city', jurisdictionCode: '350300', version: 1 });
      const mismatch = await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Wrong', level: 'province', jurisdictionCode: '350400' }).expect(400);
      expect(mismatch.body.errors[0].field).toBe('jurisdictionCode');
      await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Unknown', level: 'city', jurisdictionCode: '999900' }).expect(400);
      await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Putian again', level: 'city', jurisdictionCode: '350300' }).expect(409);
      await t.http().post('/api/bureaus').set('authorization', as.admin).send({ name: 'Second ministry', level: 'ministry' }).expect(409);
    });
  });

  describe('jurisdictions', () => {
    it('lists the divisions, filtered by level and parent', async () => {
      const provinces = await t.http().get('/api/jurisdictions?level=province').expect(200);
      expect(provinces.body).toHaveLength(31);
      const fujian = await t.http().get('/api/jurisdictions?parentCode=350000').expect(200);
      expect(fujian.body.map((j: { nameEn: string }) => j.nameEn)).toContain('Fuzhou');
      await t.http().get('/api/jurisdictions?level=planet').expect(400);
    });
  });
});
