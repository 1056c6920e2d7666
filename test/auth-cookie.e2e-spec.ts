import { ROTATION_GRACE_MS } from '@app/auth';
import { login, PASSWORD, seedWorld } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const WEB = { 'x-registry-client': 'web' };

function refreshCookieOf(response: { headers: Record<string, unknown> }): { value: string; attributes: string } {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('registry_refresh='));
  if (!cookie) throw new Error(`no registry_refresh cookie in ${JSON.stringify(cookies)}`);
  const [pair, ...attributes] = cookie.split(';');
  return { value: pair.slice('registry_refresh='.length), attributes: attributes.map((a) => a.trim()).join('; ') };
}

describe('sign-in with the refresh token in a cookie (the web app)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
  });
  afterAll(() => t.close());

  const cookieLogin = async (username = 'fj-inspector') => {
    const response = await t.http().post('/api/auth/login').set('x-registry-client', 'web').send({ username, password: PASSWORD, session: 'cookie' }).expect(200);
    return { response, cookie: refreshCookieOf(response) };
  };

  it('sets an httpOnly, SameSite=Strict cookie scoped to /api/auth and leaves the token out of the JSON', async () => {
    const { response, cookie } = await cookieLogin();
    expect(response.body).toEqual({ accessToken: expect.any(String), expiresIn: 900, tokenType: 'Bearer' });
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).toMatch(/Path=\/api\/auth(;|$)/);
    expect(cookie.attributes).toMatch(/Max-Age=1209600/);
    expect(cookie.attributes).not.toMatch(/Secure/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('keeps answering API clients in the body, without a cookie', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'fj-inspector', password: PASSWORD }).expect(200);
    expect(response.body.refreshToken).toEqual(expect.any(String));
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refreshes from the cookie with X-Registry-Client: web and rotates the cookie', async () => {
    const { cookie } = await cookieLogin();
    const refreshed = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    expect(refreshed.body).toEqual({ accessToken: expect.any(String), expiresIn: 900, tokenType: 'Bearer' });
    expect(refreshed.headers['cache-control']).toBe('no-store');
    const rotated = refreshCookieOf(refreshed);
    expect(rotated.value).not.toBe(cookie.value);
    await t.http().get('/api/me').set('authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${rotated.value}`).send({}).expect(200);
  });

  it('refuses the cookie without the X-Registry-Client header and leaves the token usable', async () => {
    const { cookie } = await cookieLogin();
    const refused = await t.http().post('/api/auth/refresh').set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(403);
    expect(refused.body.type).toMatch(/web-client-header-required$/);
    await t.http().post('/api/auth/refresh').set('x-registry-client', 'other').set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(403);
    await t.http().post('/api/auth/logout').set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(403);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
  });

  it('answers 401 when neither the body nor a cookie holds a token', async () => {
    const response = await t.http().post('/api/auth/refresh').set(WEB).send({}).expect(401);
    expect(response.body.type).toMatch(/no-refresh-token$/);
    await t.http().post('/api/auth/logout').set(WEB).send({}).expect(401);
  });

  it('treats a rotated cookie presented again after the grace as stolen: the family is revoked and the cookie cleared', async () => {
    const { cookie } = await cookieLogin();
    const refreshed = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    const current = refreshCookieOf(refreshed);
    t.clock.advance(ROTATION_GRACE_MS + 1_000);
    const reuse = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(401);
    expect(reuse.body.detail).toMatch(/already used/);
    expect(refreshCookieOf(reuse).attributes).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${current.value}`).send({}).expect(401);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.refresh_reuse'`);
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('lets a reloaded page present the cookie an aborted refresh just rotated, within the grace, in the same sign-in', async () => {
    const { cookie } = await cookieLogin('fz-inspector');
    // The refresh the reload aborted: rotated on the server, its answer never stored by the browser.
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    t.clock.advance(ROTATION_GRACE_MS - 2_000);
    const reloaded = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    const next = refreshCookieOf(reloaded);
    expect(next.value).not.toBe(cookie.value);
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${reloaded.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('fz-inspector');
    // Still the same sign-in (family), and the session goes on rotating.
    const sid = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sid as string;
    const later = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${next.value}`).send({}).expect(200);
    expect(sid(later.body.accessToken)).toBe(sid(reloaded.body.accessToken));
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.refresh' AND after->>'withinRotationGrace' = 'true'`);
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('gives no grace once the successor was used: the old cookie presented again revokes the sign-in', async () => {
    const { cookie } = await cookieLogin('ln-admin');
    const first = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    const second = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${refreshCookieOf(first).value}`).send({}).expect(200);
    const replay = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(401);
    expect(replay.body.detail).toMatch(/already used/);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${refreshCookieOf(second).value}`).send({}).expect(401);
  });

  it('revokes the sign-in when a token issued within the grace and its sibling are both used (a copied cookie)', async () => {
    const { cookie } = await cookieLogin('xm-admin');
    const legitimate = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    const thief = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(200);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${refreshCookieOf(thief).value}`).send({}).expect(200);
    // The sibling was superseded when the other was used: presenting it is reuse, and ends the sign-in.
    const superseded = await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${refreshCookieOf(legitimate).value}`).send({}).expect(401);
    expect(superseded.body.detail).toMatch(/already used/);
  });

  it('gives API clients (refresh token in the body) no grace: a replay at once revokes the sign-in', async () => {
    const tokens = await login(t, 'fj-admin');
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    expect(replay.body.detail).toMatch(/already used/);
  });

  it('signs out from the cookie: the sign-in is revoked and the cookie cleared', async () => {
    const { cookie } = await cookieLogin();
    const response = await t.http().post('/api/auth/logout').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(204);
    expect(response.headers['cache-control']).toBe('no-store');
    const cleared = refreshCookieOf(response);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatch(/Path=\/api\/auth/);
    await t.http().post('/api/auth/refresh').set(WEB).set('cookie', `registry_refresh=${cookie.value}`).send({}).expect(401);
  });

  it('marks the cookie Secure behind an https proxy when TRUST_PROXY is on', async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      await seedWorld(proxied);
      const response = await proxied.http().post('/api/auth/login').set('x-forwarded-proto', 'https').set('x-registry-client', 'web').send({ username: 'fj-inspector', password: PASSWORD, session: 'cookie' }).expect(200);
      expect(refreshCookieOf(response).attributes).toMatch(/Secure/);
      const plain = await proxied.http().post('/api/auth/login').set('x-registry-client', 'web').send({ username: 'fj-inspector', password: PASSWORD, session: 'cookie' }).expect(200);
      expect(refreshCookieOf(plain).attributes).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses an unknown session kind field by field', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'fj-inspector', password: PASSWORD, session: 'jar' }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'session', message: expect.stringMatching(/session must be one of/) }]);
  });

  it('keeps the lockout for cookie sign-ins, with the one answer for every refusal', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await t.http().post('/api/auth/login').set('x-registry-client', 'web').send({ username: 'xm-admin', password: 'wrong-password!', session: 'cookie' }).expect(401);
      expect(wrong.body.type).toMatch(/invalid-credentials$/);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    }
    const locked = await t.http().post('/api/auth/login').set('x-registry-client', 'web').send({ username: 'xm-admin', password: 'wrong-password!', session: 'cookie' }).expect(401);
    expect(locked.body.type).toMatch(/invalid-credentials$/);
    expect(locked.headers['set-cookie']).toBeUndefined();
    await login(t, 'fj-admin');
  });
});
