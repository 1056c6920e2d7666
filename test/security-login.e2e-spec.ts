import { PASSWORD, seedWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const OUTSIDER = '203.0.113.9';
const OWNER = '198.51.100.7';

/** The lockout must not reveal which accounts exist, nor let anyone lock an official out from elsewhere. */
describe('sign-in lockout: answers alike for every account, throttles the failing address', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    world = await seedWorld(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.db.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL; DELETE FROM login_throttle`));

  const attempt = (username: string, password: string, ip: string) => t.http().post('/api/auth/login').set('x-forwarded-for', ip).send({ username, password });
  const answerOf = (response: { status: number; body: { detail?: string; title?: string; type?: string } }) => ({ status: response.status, detail: response.body.detail, title: response.body.title, type: response.body.type });

  it('answers an unknown account, a wrong password and a locked account alike', async () => {
    const answers: ReturnType<typeof answerOf>[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(answerOf(await attempt('xm-admin', 'wrong-password!', OUTSIDER)));
      answers.push(answerOf(await attempt('no-such-user', 'wrong-password!', OUTSIDER)));
      t.clock.advance(60_000);
    }
    const [locked] = await t.db.query(`SELECT locked_until FROM users WHERE username = 'xm-admin'`);
    expect(locked.locked_until).not.toBeNull();
    answers.push(answerOf(await attempt('xm-admin', PASSWORD, OUTSIDER)));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ status: 401, detail: 'Invalid username or password', title: 'Unauthorized', type: answers[0].type })]));
  });

  it('lets the owner in from an address with no failures while an outsider has locked the account', async () => {
    for (let i = 0; i < 5; i++) {
      await attempt('fz-inspector', 'wrong-password!', OUTSIDER).expect(401);
      t.clock.advance(30_000);
    }
    const [user] = await t.db.query(`SELECT locked_until FROM users WHERE username = 'fz-inspector'`);
    expect(user.locked_until).not.toBeNull();
    await attempt('fz-inspector', PASSWORD, OUTSIDER).expect(401);
    await attempt('fz-inspector', PASSWORD, OWNER).expect(200);
  });

  it('makes a failing address wait longer and longer before its next attempt is even checked', async () => {
    for (let i = 0; i < 5; i++) await attempt('fj-inspector', 'wrong-password!', OUTSIDER).expect(401);
    // Within the first wait (1 s) even the right password is not checked; the account stays unlocked for others.
    await t.db.query(`UPDATE users SET locked_until = NULL WHERE username = 'fj-inspector'`);
    await attempt('fj-inspector', PASSWORD, OUTSIDER).expect(401);
    t.clock.advance(1_100);
    await attempt('fj-inspector', 'wrong-password!', OUTSIDER).expect(401);
    t.clock.advance(1_100);
    await attempt('fj-inspector', PASSWORD, OUTSIDER).expect(401); // now 2 s after the 6th failure
    t.clock.advance(1_000);
    await t.db.query(`UPDATE users SET locked_until = NULL WHERE username = 'fj-inspector'`);
    await attempt('fj-inspector', PASSWORD, OUTSIDER).expect(200);
    const reasons = await t.db.query(`SELECT after->>'reason' AS reason FROM audit_events WHERE action = 'auth.login_refused' AND entity_id = $1`, [world.users['fj-inspector']]);
    expect(reasons.map((r: { reason: string }) => r.reason)).toContain('address-waiting');
  });

  it('lets an administrator unlock an account, audited; another bureau\'s admin cannot', async () => {
    for (let i = 0; i < 5; i++) await attempt('fz-admin', 'wrong-password!', OUTSIDER).expect(401);
    const admin = (await attempt('admin', PASSWORD, OWNER).expect(200)).body.accessToken as string;
    const xiamen = (await attempt('xm-admin', PASSWORD, OWNER).expect(200)).body.accessToken as string;
    const id = world.users['fz-admin'];
    await t.http().post(`/api/users/${id}/unlock`).set('authorization', `Bearer ${xiamen}`).expect(404);
    const unlocked = await t.http().post(`/api/users/${id}/unlock`).set('authorization', `Bearer ${admin}`).expect(200);
    expect(unlocked.body.username).toBe('fz-admin');
    await attempt('fz-admin', PASSWORD, OUTSIDER).expect(200);
    const [audit] = await t.db.query(`SELECT actor_username, before FROM audit_events WHERE action = 'user.unlock' AND entity_id = $1`, [id]);
    expect(audit.actor_username).toBe('admin');
    expect(audit.before.lockedUntil).not.toBeNull();
  });
});
