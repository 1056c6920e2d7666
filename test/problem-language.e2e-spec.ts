import { seedWorld, signInAll, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };

/** Problems come in the language the caller prefers; callers that say nothing get English, as before. */
describe('problem messages in Chinese and English', () => {
  let t: TestApp;
  let world: World;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } });
    world = await seedWorld(t);
    auth = await signInAll(t);
  });
  afterAll(() => t.close());

  it('answers a validation error field by field in either language', async () => {
    const body = { username: 'A', displayName: '', password: 'short', role: 'pilot' };
    const zh = await t.http().post('/api/users').set('authorization', auth.admin).set(ZH).send(body).expect(400);
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.body.title).toBe('请求有误');
    expect(zh.body.detail).toBe('请求中有无效的字段');
    expect(zh.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'username', message: '用户名须为 3 至 64 个小写字母、数字、点、短横线或下划线' },
        { field: 'displayName', message: 'displayName 至少 1 个字符' },
        { field: 'password', message: '密码长度须为 12 至 256 个字符' },
        { field: 'role', message: expect.stringMatching(/^role 必须是以下值之一：/) },
      ]),
    );
    const en = await t.http().post('/api/users').set('authorization', auth.admin).set(EN).send(body).expect(400);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.title).toBe('Bad Request');
    expect(en.body.errors).toEqual(expect.arrayContaining([{ field: 'password', message: 'password must be 12 to 256 characters long' }]));
    const none = await t.http().post('/api/users').set('authorization', auth.admin).send(body).expect(400);
    expect(none.body.detail).toBe('The request has invalid fields');
  });

  it('answers a 404 in either language', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const zh = await t.http().get(`/api/bureaus/${missing}`).set('authorization', auth.admin).set(ZH).expect(404);
    expect(zh.body).toMatchObject({ title: '未找到', detail: `未找到局 ${missing}` });
    const en = await t.http().get(`/api/bureaus/${missing}`).set('authorization', auth.admin).set(EN).expect(404);
    expect(en.body).toMatchObject({ title: 'Not Found', detail: `Bureau ${missing} was not found` });
    const route = await t.http().get('/api/no-such-thing').set(ZH).expect(404);
    expect(route.body.detail).toBe('不存在的地址：GET /api/no-such-thing');
  });

  it('answers a 409 (stale version) in either language, keeping its extensions', async () => {
    const userId = world.users['fz-inspector'];
    const zh = await t.http().patch(`/api/users/${userId}`).set('authorization', auth.admin).set(ZH).send({ version: 99, displayName: 'x' }).expect(409);
    expect(zh.body).toMatchObject({ title: '与当前状态冲突', detail: '用户已被他人修改，请刷新后重试' });
    expect(zh.body.type).toMatch(/stale-version$/);
    const en = await t.http().patch(`/api/users/${userId}`).set('authorization', auth.admin).set(EN).send({ version: 99, displayName: 'x' }).expect(409);
    expect(en.body).toMatchObject({ title: 'Conflict', detail: 'User was changed by someone else; reload it and try again' });
    const [line] = (await t.http().get('/api/admin/help-lines').set('authorization', auth.admin).expect(200)).body.items;
    const { id, createdAt: _c, updatedAt: _u, ...fields } = line;
    const stale = await t.http().put(`/api/admin/help-lines/${id}`).set('authorization', auth.admin).set(ZH).send({ ...fields, version: 99 }).expect(409);
    expect(stale.body).toMatchObject({ detail: '求助热线已被他人修改，请刷新后重试', currentVersion: 1 });
  });

  it('answers a 429 in either language, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await t.http().get('/api/public/help-lines').expect(200);
    const zh = await t.http().get('/api/public/help-lines').set(ZH).expect(429);
    expect(zh.headers['retry-after']).toEqual(expect.any(String));
    expect(zh.body).toMatchObject({ title: '请求过于频繁', detail: '请求过于频繁，请稍后再试' });
    const en = await t.http().get('/api/public/help-lines').set(EN).expect(429);
    expect(en.body).toMatchObject({ title: 'Too Many Requests' });
  });

  it('answers the sign-in lockout in Chinese', async () => {
    const wrong = await t.http().post('/api/auth/login').set(ZH).send({ username: 'xm-admin', password: 'wrong-password!' }).expect(401);
    expect(wrong.body).toMatchObject({ title: '未登录或登录已失效', detail: '用户名或密码错误' });
    const signedOut = await t.http().get('/api/me').set(ZH).expect(401);
    expect(signedOut.body.detail).toBe('请先登录：访问令牌缺失、无效或已过期');
  });

  it('keeps an unknown message in English after a general Chinese sentence', async () => {
    const response = await t.http().post('/api/users').set('authorization', auth.admin).set(ZH).set('content-type', 'application/json').send('{"broken').expect(400);
    expect(response.body.title).toBe('请求有误');
    expect(response.body.detail).toMatch(/^请求有误，请检查后重试（.+）$/);
  });
});
