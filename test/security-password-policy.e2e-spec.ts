import { login, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const CHINESE = /[\u4e00-\u9fff]/;

/** Every place a password is set refuses short, username-bearing and guessable ones. */
describe('Password policy: length, username and zxcvbn strength wherever a password is set', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const create = (password: string, username = 'policy-officer') =>
    t.http().post('/api/users').set('authorization', as['fj-admin']).send({ username, displayName: 'Policy Officer', password, role: 'inspector' });
  const userCount = async () => Number(((await t.db.query(`SELECT count(*) AS n FROM users`)) as { n: string }[])[0].n);

  it.each([
    ['too short', 'Zh8#kq2!pL', /12 to 256 characters/],
    ['containing the username', 'Policy-Officer-Zh8#kq2', /must not contain the username/],
    ['a common password', 'password1234', /too easy to guess/],
    ['a keyboard pattern', 'qwertyuiop123', /too easy to guess/],
    ['a leaked password', 'iloveyou12345', /too easy to guess/],
    ['the demo password', 'demo-password', /too easy to guess/],
  ])('refuses a new user with a password %s: field-level 400 in English and Chinese, nothing written', async (_case, password, message) => {
    const before = await userCount();
    const refused = await create(password).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(message) }]);
    const inChinese = await create(password).set('accept-language', 'zh-CN').expect(400);
    expect(inChinese.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(CHINESE) }]);
    expect(await userCount()).toBe(before);
  });

  it('reports a weak password together with the request\'s other bad fields', async () => {
    const refused = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'Bad Name!', displayName: 'x', password: 'password1234', role: 'king' }).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'role', 'username']);
  });

  it('accepts a strong password, which then signs in', async () => {
    await create('tidal ferry lantern ochre', 'policy-strong').expect(201);
    await login(t, 'policy-strong', 'tidal ferry lantern ochre');
  });

  it('refuses a weak new password on PATCH, or one with the stored username, and leaves the account as it was', async () => {
    const userId = world.users['fz-inspector'];
    const { version } = (await t.http().get(`/api/users/${userId}`).set('authorization', as['fz-admin']).expect(200)).body as { version: number };
    for (const password of ['qwertyuiop123', 'new-fz-inspector-key', 'short']) {
      const refused = await t.http().patch(`/api/users/${userId}`).set('authorization', as['fz-admin']).send({ version, password }).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
      const inChinese = await t.http().patch(`/api/users/${userId}`).set('authorization', as['fz-admin']).set('accept-language', 'zh-CN').send({ version, password }).expect(400);
      expect(inChinese.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(CHINESE) }]);
    }
    const after = (await t.http().get(`/api/users/${userId}`).set('authorization', as['fz-admin']).expect(200)).body as { version: number };
    expect(after.version).toBe(version);
    await login(t, 'fz-inspector');
    await t.http().patch(`/api/users/${userId}`).set('authorization', as['fz-admin']).send({ version, password: 'granite orchard velvet pylon' }).expect(200);
    await login(t, 'fz-inspector', 'granite orchard velvet pylon');
    await t.http().get('/health/ready').expect(200);
  });
});
