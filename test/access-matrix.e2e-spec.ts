import { ROLES, RoutePolicies, RouteWithPolicy } from '@app/access';
import { seedWorld, signInAll, USERS } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** One signed-in user per role (the fixtures' first user of that role). */
const USER_OF_ROLE = Object.fromEntries(ROLES.map((role) => [role, Object.entries(USERS).find(([, [r]]) => r === role)?.[0] as string]));
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every route of the application's own route table, called by every role and anonymously:
 * a role the route does not allow gets 403 (401 when anonymous), an allowed one gets past the
 * guard, and nothing answers 5xx. A new route is covered the moment it exists.
 */
describe('access matrix', () => {
  let t: TestApp;
  let as: Record<string, string>;
  let routes: RouteWithPolicy[];

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_DEFAULT_PER_MINUTE: '100000' } });
    await seedWorld(t);
    as = await signInAll(t);
    routes = t.app.get(RoutePolicies).list();
  });
  afterAll(() => t.close());

  const call = (route: RouteWithPolicy, authorization?: string) => {
    const path = route.path.replace(/:[A-Za-z]+/g, (param) => (param === ':number' || param === ':trackingCode' ? 'UNKNOWN-0000' : param === ':name' ? 'no-such-job' : NO_SUCH_ID));
    const request = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    if (authorization) request.set('authorization', authorization);
    return route.method === 'GET' ? request : request.send({});
  };

  it('covers the route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  /** Public routes whose credential is the refresh token itself: without one, the handler answers 401. */
  const TAKES_REFRESH_TOKEN = ['/api/auth/refresh', '/api/auth/logout'];

  it('answers anonymous callers 401 on every signed-in route, and never 5xx', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await call(route);
      const passesGuard = response.status !== 403 && response.status < 500 && (response.status !== 401 || TAKES_REFRESH_TOKEN.includes(route.path));
      const ok = route.policy?.kind === 'public' ? passesGuard : response.status === 401;
      if (!ok) wrong.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('answers %s 403 exactly where the route does not allow the role, and never 5xx', async (role) => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.policy?.kind !== 'roles') continue;
      const allowed = route.policy.roles.includes(role);
      const response = await call(route, as[USER_OF_ROLE[role]]);
      const ok = allowed ? response.status !== 401 && response.status !== 403 && response.status < 500 : response.status === 403;
      if (!ok) wrong.push(`${route.method} ${route.path}: ${response.status} (${allowed ? 'allowed' : 'not allowed'})`);
    }
    expect(wrong).toEqual([]);
  });
});
