import { createHmac } from 'node:crypto';
import { expectProblem, login, PASSWORD, seedWorld, World } from './support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

describe('sign-in', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('signs in with the right password and answers /me with bureau and reach', async () => {
    const tokens = await login(t, 'fz-admin');
    expect(tokens).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'fz-admin', role: 'bureau_admin', jurisdictionPrefix: '3501' });
    expect(me.body.bureau).toMatchObject({ level: 'city', jurisdictionCode: '350100' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('issues access tokens that live 15 minutes', async () => {
    const { accessToken } = await login(t, 'ministry');
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('refuses a wrong password and an unknown user with the same problem', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ username: 'fj-admin', password: 'not-the-password' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody-here', password: 'whatever-it-is' }).expect(401);
    expectProblem(wrong.body, 401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('refuses a malformed login body field by field', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 42 }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'password', 'username', 'username']);
  });

  it('locks an account after 5 failures from an address, even against the right password from there, and unlocks after 15 minutes', async () => {
    const clock = t.clock;
    const start = clock.now();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await t.http().post('/api/auth/login').send({ username: 'xm-admin', password: 'wrong-password!' }).expect(401);
      expect(response.body.detail).toBe('Invalid username or password');
    }
    const fifth = await t.http().post('/api/auth/login').send({ username: 'xm-admin', password: 'wrong-password!' }).expect(401);
    // The lock is not announced: a locked account answers like a wrong password.
    expect(fifth.body.detail).toBe('Invalid username or password');
    const whileLocked = await t.http().post('/api/auth/login').send({ username: 'xm-admin', password: PASSWORD }).expect(401);
    expect(whileLocked.body.detail).toBe('Invalid username or password');

    clock.advance(14 * 60_000);
    await t.http().post('/api/auth/login').send({ username: 'xm-admin', password: PASSWORD }).expect(401);
    clock.advance(2 * 60_000);
    await t.http().post('/api/auth/login').send({ username: 'xm-admin', password: PASSWORD }).expect(200);
    clock.set(start);

    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.locked' AND entity_id = $1`, [world.users['xm-admin']]);
    expect(audit.n).toBe(1);
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const first = await login(t, 'fj-inspector');
    const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await t.http().get('/api/me').set('authorization', `Bearer ${second.body.accessToken}`).expect(200);
    const third = await t.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(200);
    expect(third.body.accessToken).toEqual(expect.any(String));
  });

  it('treats a reused refresh token as stolen and revokes its whole family', async () => {
    const first = await login(t, 'fj-inspector');
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.detail).toMatch(/already used/);
    // The thief's reuse also ends the legitimate holder's session from that sign-in.
    await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    // Another sign-in of the same user is a different family and keeps working.
    const other = await login(t, 'fj-inspector');
    await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('lets exactly one of two simultaneous refreshes with the same token win', async () => {
    const tokens = await login(t, 'fz-inspector');
    const answers = await Promise.all([0, 1, 2, 3].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('refuses refresh tokens that are forged or expired', async () => {
    await t.http().post('/api/auth/refresh').send({ refreshToken: 'not-a-token' }).expect(401);
    const tokens = await login(t, 'fz-inspector');
    const [id] = tokens.refreshToken.split('.');
    await t.http().post('/api/auth/refresh').send({ refreshToken: `${id}.${'A'.repeat(43)}` }).expect(401);
    t.clock.advance(15 * 86_400_000);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    t.clock.advance(-15 * 86_400_000);
  });

  it('revokes the sign-in on logout', async () => {
    const tokens = await login(t, 'ln-admin');
    await t.http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await t.http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
  });

  it('refuses disabled users at sign-in and at refresh', async () => {
    const tokens = await login(t, 'agency-fj-1');
    await t.db.query(`UPDATE users SET status = 'disabled' WHERE username = 'agency-fj-1'`);
    const refused = await t.http().post('/api/auth/login').send({ username: 'agency-fj-1', password: PASSWORD }).expect(401);
    expect(refused.body.detail).toMatch(/disabled/);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await t.db.query(`UPDATE users SET status = 'active' WHERE username = 'agency-fj-1'`);
  });

  it('refuses tampered, expired, unsigned and foreign tokens', async () => {
    const { accessToken } = await login(t, 'admin');
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const sign = (h: object, c: object, secret = TEST_JWT_SECRET) => {
      const body = `${Buffer.from(JSON.stringify(h)).toString('base64url')}.${Buffer.from(JSON.stringify(c)).toString('base64url')}`;
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    };
    const escalated = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'ministry_official', scope: '' })).toString('base64url')}.${signature}`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const expired = sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: 1, exp: 2 });
    const foreign = sign({ alg: 'HS256', typ: 'JWT' }, claims, 'some-other-secret-that-is-32-bytes-long');
    for (const token of [escalated, unsigned, expired, foreign, 'garbage']) {
      const response = await t.http().get('/api/me').set('authorization', `Bearer ${token}`).expect(401);
      expectProblem(response.body, 401);
    }
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set('authorization', `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, claims)}`).expect(200);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    await seedWorld(t);
  });
  afterAll(() => t.close());

  it('answers 429 with a problem once an address exceeds its sign-in budget', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/auth/login').send({ username: 'admin', password: 'wrong-password!' }).expect(401);
    }
    const limited = await t.http().post('/api/auth/login').send({ username: 'admin', password: PASSWORD }).expect(429);
    expectProblem(limited.body, 429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Other routes keep their own, larger budget.
    await t.http().get('/health').expect(200);
  });
});
