import fc from 'fast-check';
import { RoutePolicies, RouteWithPolicy } from '@app/auth';
import { seedWorld, signInAll, USERS } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Strings that have broken other systems: injections, traversal, control and astral characters, huge. */
const nasty = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    "1; DROP TABLE users; --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    '\u0000',
    '\uFEFF\u202E',
    '𠜎𠜱𠝹𠱓',
    '%00%27',
    '{"$gt": ""}',
    'NaN',
    '-1',
    '1e309',
    '9'.repeat(40),
    '2026-02-30',
    'a'.repeat(5000),
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 3 })),
})).value;

/** Bodies: random objects, and the route's real field names with hostile values. */
const FIELD_NAMES = ['username', 'password', 'role', 'bureauId', 'agencyId', 'uscc', 'nameZh', 'jurisdictionCode', 'agencyType', 'kind', 'licenceType', 'licenceId', 'scope', 'reason', 'until', 'version', 'decision', 'status', 'refreshToken', 'to', 'note', 'outcome', 'categories', 'description', 'findings', 'answers'];
const body = fc.oneof(nastyValue, fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue, { maxKeys: 6 }));
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'q', 'from', 'to', 'name', 'jurisdiction', 'minRisk', 'groupBy', 'granularity', 'province', 'x'), nasty, { maxKeys: 4 });

/**
 * Every write and list route of the route table, fed malformed, oversized, wrong-typed,
 * unicode-heavy and injection-laden input by a signed-in user allowed to call it: never a 5xx,
 * and a refused request leaves no trace (every write is audited, so the audit sequence must not move).
 */
describe('hostile input', () => {
  let t: TestApp;
  let as: Record<string, string>;
  let routes: RouteWithPolicy[];

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', RATE_LIMIT_LOGIN_PER_MINUTE: '1000000' } });
    await seedWorld(t);
    as = await signInAll(t);
    routes = t.app.get(RoutePolicies).list().filter((r) => !r.path.startsWith('/health') && !r.path.startsWith('/api/admin/jobs'));
  });
  afterAll(() => t.close());

  const userFor = (route: RouteWithPolicy) => {
    if (route.policy?.kind !== 'roles') return undefined;
    const roles = route.policy.roles;
    return Object.entries(USERS).find(([, [role]]) => roles.includes(role as never))?.[0];
  };
  const lastAuditSeq = async () => Number((await t.db.query(`SELECT coalesce(max(seq), 0) AS seq FROM audit_events`))[0].seq);

  it('never answers 5xx and never writes on refused input', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, query, nasty, async (route, payload, params, pathValue) => {
        // Sign-in attempts are audited by design (even refused ones); they are covered by the auth tests.
        const audited = !route.path.startsWith('/api/auth/');
        const before = audited ? await lastAuditSeq() : 0;
        const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(pathValue) || 'x');
        const request = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](path).query(params);
        const user = userFor(route);
        if (user) request.set('authorization', as[user]);
        const response = route.method === 'GET' ? await request : await request.set('content-type', 'application/json').send(JSON.stringify(payload ?? null));
        if (response.status >= 500) failures.push(`${route.method} ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (audited && response.status >= 400 && (await lastAuditSeq()) !== before) failures.push(`${route.method} ${path} → ${response.status} but wrote`);
        return failures.length === 0;
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 1000), seed: Number(process.env.HOSTILE_SEED ?? 20261123) },
    );
    expect(failures).toEqual([]);
  });

  it('answers problem+json to every refused request', async () => {
    const response = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send({ uscc: "' OR 1=1 --", nameZh: '\u0000', jurisdictionCode: ['350100'] }).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors.length).toBeGreaterThan(0);
  });
});
