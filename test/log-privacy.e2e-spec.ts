import { Writable } from 'node:stream';
import { seedWorld, login, PASSWORD } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The JSON log lines the app writes, captured in memory. */
class CapturedLog extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  get text(): string {
    return this.lines.join('\n');
  }
}

describe('what the logs never hold', () => {
  const log = new CapturedLog();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: log });
    await seedWorld(t);
  });
  afterAll(() => t.close());

  it('keeps passwords, access and refresh tokens out of the logs, with request ids in', async () => {
    const tokens = await login(t, 'fj-admin');
    await t.http().post('/api/auth/login').send({ username: 'fj-admin', password: 'a-wrong-password-123' }).expect(401);
    await t.http().get('/api/me').set('authorization', `Bearer ${tokens.accessToken}`).set('x-request-id', 'privacy-check-0001').expect(200);
    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    await t.http().get('/api/agencies?name=%E5%BC%A0%E4%B8%89%E7%9A%84%E6%8A%95%E8%AF%89').set('authorization', `Bearer ${tokens.accessToken}`).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    // Refused once its sign-in ended, and still not logged.
    await t.http().get('/api/me').set('authorization', `Bearer ${refreshed.body.accessToken}`).expect(401);

    expect(log.text).toContain('privacy-check-0001');
    for (const secret of [PASSWORD, 'a-wrong-password-123', tokens.accessToken, tokens.refreshToken, refreshed.body.refreshToken, refreshed.body.accessToken]) {
      expect(log.text).not.toContain(secret);
    }
    // A search term about a person stays out too (query strings are not logged).
    expect(log.text).not.toContain('%E5%BC%A0%E4%B8%89');
    // Headers are not logged at all (the redaction paths are a second line of defence).
    expect(log.text).not.toMatch(/authorization/i);
  });

  it('keeps password hashes out of every answer', async () => {
    const admin = await login(t, 'admin');
    const users = await t.http().get('/api/users?limit=200').set('authorization', `Bearer ${admin.accessToken}`).expect(200);
    const me = await t.http().get('/api/me').set('authorization', `Bearer ${admin.accessToken}`).expect(200);
    const audit = await t.http().get('/api/audit?limit=200').set('authorization', `Bearer ${admin.accessToken}`).expect(200);
    for (const body of [users.body, me.body, audit.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/\$argon2id\$/);
      expect(text).not.toMatch(/passwordHash|password_hash|tokenHash|token_hash/);
    }
  });
});
