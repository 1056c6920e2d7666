import { JwtService } from '@nestjs/jwt';
import { validateEnvironment } from '@app/core';
import { login, seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TEST_DATA_KEY, TEST_JWT_SECRET, TestApp } from './support/test-app';

/** Caching of tokens and personal data, tokens without expiry, the docs in production. */
describe('HTTP hardening: no-store caching, bounded token lifetimes, no API docs in production', () => {
  let t: TestApp;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  it('answers sign-in, refresh and personal data with Cache-Control: no-store; the public register keeps its own', async () => {
    const signIn = await t.http().post('/api/auth/login').send({ username: 'fz-admin', password: 'correct-horse-battery-staple' }).expect(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: signIn.body.refreshToken }).expect(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    const refused = await t.http().post('/api/auth/login').send({ username: 'fz-admin', password: 'wrong-password!' }).expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    for (const path of ['/api/me', '/api/users', '/api/complaints', '/api/agencies']) {
      const response = await t.http().get(path).set('authorization', as['fz-admin']);
      expect([path, response.headers['cache-control']]).toEqual([path, 'no-store']);
    }
    const register = await t.http().get('/api/public/agencies').expect(200);
    expect(register.headers['cache-control']).toMatch(/max-age/);
  });

  it('refuses an access token without an expiry, though correctly signed', async () => {
    const jwt = new JwtService({});
    const me = (await login(t, 'fz-admin')).accessToken;
    const claims = JSON.parse(Buffer.from(me.split('.')[1], 'base64url').toString('utf8'));
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const forever = await jwt.signAsync(rest, { secret: TEST_JWT_SECRET, algorithm: 'HS256' });
    await t.http().get('/api/me').set('authorization', `Bearer ${forever}`).expect(401);
    await t.http().get('/api/me').set('authorization', `Bearer ${me}`).expect(200);
  });

  it('serves the Swagger UI assets but not swagger-ui\'s package.json or README.md', async () => {
    await t.http().get('/api/docs/swagger-ui.css').expect(200);
    await t.http().get('/api/docs/package.json').expect(404);
    await t.http().get('/api/docs/README.md').expect(404);
  });

  it('keeps the OpenAPI docs off by default in production, and off when DOCS_ENABLED=false', async () => {
    expect(validateEnvironment({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://registry.example.cn', TRUST_PROXY: 'true', DATABASE_URL: 'postgres://x@y/z', JWT_SECRET: TEST_JWT_SECRET, DATA_ENCRYPTION_KEY: TEST_DATA_KEY }).DOCS_ENABLED).toBe(false);
    expect(validateEnvironment({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://registry.example.cn', TRUST_PROXY: 'true', DATABASE_URL: 'postgres://x@y/z', JWT_SECRET: TEST_JWT_SECRET, DATA_ENCRYPTION_KEY: TEST_DATA_KEY, DOCS_ENABLED: 'true' }).DOCS_ENABLED).toBe(true);
    const quiet = await startTestApp({ env: { DOCS_ENABLED: 'false' } });
    try {
      await quiet.http().get('/api/docs-json').expect(404);
      await quiet.http().get('/api/docs').expect(404);
      await quiet.http().get('/health').expect(200);
    } finally {
      await quiet.close();
    }
  });
});
