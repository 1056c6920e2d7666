import { JwtService } from '@nestjs/jwt';
import { login, seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const ENDED_SESSIONS_QUERY = /FROM users u\s+LEFT JOIN refresh_tokens r/;

/**
 * An access token is refused once its user is disabled or its sign-in
 * ended. A sign-in is a refresh-token family: logging out ends that one, not the user's others.
 */
describe('Access tokens of ended sign-ins are refused at once', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const me = (app: TestApp, bearer: string) => app.http().get('/api/me').set('authorization', bearer);
  const version = async (userId: string) => ((await t.http().get(`/api/users/${userId}`).set('authorization', as.admin).expect(200)).body as { version: number }).version;

  it('refuses a disabled user\'s live access token at once, and lets it in again once re-enabled and signed in', async () => {
    const inspector = `Bearer ${(await login(t, 'fj-inspector')).accessToken}`;
    await me(t, inspector).expect(200);
    const userId = world.users['fj-inspector'];
    await t.http().patch(`/api/users/${userId}`).set('authorization', as.admin).send({ version: await version(userId), status: 'disabled' }).expect(200);
    const refused = await me(t, inspector).expect(401);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    await t.http().get('/api/agencies').set('authorization', inspector).expect(401);
    await me(t, as['fz-admin']).expect(200);
    await t.http().patch(`/api/users/${userId}`).set('authorization', as.admin).send({ version: await version(userId), status: 'active' }).expect(200);
    await me(t, inspector).expect(401);
    await me(t, `Bearer ${(await login(t, 'fj-inspector')).accessToken}`).expect(200);
  });

  it('refuses the access token of a logged-out sign-in; the same user\'s other sign-ins go on', async () => {
    const phone = await login(t, 'fz-inspector');
    const laptop = await login(t, 'fz-inspector');
    await me(t, `Bearer ${phone.accessToken}`).expect(200);
    await me(t, `Bearer ${laptop.accessToken}`).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: phone.refreshToken }).expect(204);
    await me(t, `Bearer ${phone.accessToken}`).expect(401);
    await me(t, `Bearer ${laptop.accessToken}`).expect(200);
    // A token refreshed within the surviving sign-in works; the ended one cannot be refreshed.
    await t.http().post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
    const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(200);
    await me(t, `Bearer ${renewed.body.accessToken}`).expect(200);
  });

  it('refuses the access tokens of a sign-in whose refresh token was replayed', async () => {
    const session = await login(t, 'xm-admin');
    await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await me(t, `Bearer ${session.accessToken}`).expect(401);
  });

  it('refuses a token issued without a sign-in id, though correctly signed', async () => {
    const { accessToken } = await login(t, 'ministry');
    const { sid: _sid, exp, iat: _iat, ...claims } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
    const forged = await new JwtService({}).signAsync({ ...claims, exp }, { secret: TEST_JWT_SECRET, algorithm: 'HS256' });
    await me(t, `Bearer ${forged}`).expect(401);
    await me(t, `Bearer ${accessToken}`).expect(200);
  });

  it('checks a token from memory in the steady state: one look-up per user, not per request', async () => {
    const query = jest.spyOn(t.db, 'query');
    try {
      const { accessToken } = await login(t, 'ln-admin');
      for (let i = 0; i < 10; i += 1) await me(t, `Bearer ${accessToken}`).expect(200);
      const lookups = query.mock.calls.filter(([sql]) => ENDED_SESSIONS_QUERY.test(String(sql)));
      expect(lookups).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });

  it('tells every API process: a second one refuses a token it had let in, once the user is disabled through the first', async () => {
    const other = await startTestApp({ sharingDatabaseOf: t });
    try {
      const { accessToken } = await login(t, 'fj-admin');
      await me(other, `Bearer ${accessToken}`).expect(200);
      await me(other, `Bearer ${accessToken}`).expect(200);
      const userId = world.users['fj-admin'];
      await t.http().patch(`/api/users/${userId}`).set('authorization', as.admin).send({ version: await version(userId), status: 'disabled' }).expect(200);
      const deadline = Date.now() + 5_000;
      let status = 200;
      while (status === 200 && Date.now() < deadline) {
        status = (await me(other, `Bearer ${accessToken}`)).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(401);
      await other.http().get('/health/ready').expect(200);
    } finally {
      await other.close();
    }
    // Each app checks with its own state, whatever passport (one strategy per process) last registered.
    await me(t, as['fz-admin']).expect(200);
  });
});
