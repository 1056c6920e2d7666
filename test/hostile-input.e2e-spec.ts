import fc from 'fast-check';
import { RoutePolicies, RouteWithPolicy } from '@app/access';
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
  // Inputs that PostgreSQL refuses (NUL, lone surrogates, impossible dates): must be a 400 before they reach it.
  fc.constantFrom('a\u0000b', '\uD800', 'x\uDFFFy', '2026-02-30', '2026-01-01T00:00:00.123456789Z', '2026-02-30T10:00:00Z'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  forgedCursor(),
);

/** Cursors of the right shape (base64url JSON arrays) holding values this API never issued. */
function forgedCursor(): fc.Arbitrary<string> {
  const position = fc.oneof(
    fc.constantFrom('not-a-date', '2026-02-30T00:00:00.000Z', '0000-00-00', '1e400', 'ffffffff-ffff-ffff-ffff-fffffffffffz', '\u0000', '-1'),
    fc.uuid(),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 20 }),
  );
  return fc.array(position, { minLength: 1, maxLength: 4 }).map((values) => Buffer.from(JSON.stringify(values)).toString('base64url'));
}

const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/** Percent-encodes like a browser, except that a lone surrogate goes out as the bytes a careless client sends (CESU-8). */
function encode(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((part, i) => {
      if (i % 2 === 0) return encodeURIComponent(part);
      const code = part.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

/** A JSON body nested `depth` levels deep, built as text (JSON.stringify would recurse). */
const deepJson = (depth: number, field = 'nameZh') => `{"${field}":${'['.repeat(depth)}1${']'.repeat(depth)}}`;

const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 3 })),
})).value;

/** Bodies: random objects, and the route's real field names with hostile values. */
const FIELD_NAMES = ['username', 'password', 'role', 'bureauId', 'agencyId', 'uscc', 'nameZh', 'jurisdictionCode', 'agencyType', 'kind', 'licenceType', 'licenceId', 'scope', 'reason', 'until', 'version', 'decision', 'status', 'refreshToken', 'to', 'note', 'outcome', 'categories', 'description', 'findings', 'answers'];
const body = fc.oneof(nastyValue, fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue, { maxKeys: 6 }));
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'q', 'from', 'to', 'name', 'jurisdiction', 'minRisk', 'groupBy', 'granularity', 'province', 'entityType', 'actor', 'x'), nasty, { maxKeys: 4 });

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
      fc.asyncProperty(fc.constantFrom(...routes), body, query, nasty, fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 33, max: 100_000 }) }), async (route, payload, params, pathValue, deep) => {
        // Sign-in attempts are audited by design (even refused ones); they are covered by the auth tests.
        const audited = !route.path.startsWith('/api/auth/');
        const before = audited ? await lastAuditSeq() : 0;
        const path = route.path.replace(/:[A-Za-z]+/g, () => encode(pathValue) || 'x');
        const search = Object.entries(params).map(([key, value]) => `${key}=${encode(value)}`).join('&');
        const request = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](search ? `${path}?${search}` : path);
        const user = userFor(route);
        if (user) request.set('authorization', as[user]);
        const text = deep ? deepJson(deep) : JSON.stringify(payload ?? null);
        const response = route.method === 'GET' ? await request : await request.set('content-type', 'application/json').send(text);
        if (response.status >= 500) failures.push(`${route.method} ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (audited && response.status >= 400 && (await lastAuditSeq()) !== before) failures.push(`${route.method} ${path} → ${response.status} but wrote`);
        return failures.length === 0;
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 1000), seed: Number(process.env.HOSTILE_SEED ?? 20261123) },
    );
    expect(failures).toEqual([]);
    // A thousand requests with audit look-ups: well under a minute alone, but CI machines are shared.
  }, 240_000);

  /** Inputs that pass naive validation but fail in PostgreSQL or JSON parsing: each must be a 400, never a 500. */
  it('answers 400 problem+json naming the field to forged cursors, NUL, impossible dates, nine-digit fractions, lone surrogates and deep JSON', async () => {
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const cases: [string, () => Promise<{ status: number; body: { errors?: { field: string }[] }; headers: Record<string, string> }>, string][] = [
      ['forged agencies cursor', () => t.http().get('/api/agencies').query({ cursor: cursor(['yesterday', 'not-a-uuid']) }).set('authorization', as['fz-admin']), 'cursor'],
      ['forged audit cursor', () => t.http().get('/api/audit').query({ cursor: cursor(['1e400', 'x']) }).set('authorization', as.admin), 'cursor'],
      ['forged complaints cursor', () => t.http().get('/api/complaints').query({ cursor: cursor(['2026-13-45T00:00:00Z', uuid]) }).set('authorization', as['fz-admin']), 'cursor'],
      ['forged public register cursor', () => t.http().get('/api/public/agencies').query({ cursor: Buffer.from(`[1e400,"${uuid}"]`).toString('base64url') }), 'cursor'],
      ['forged notifications cursor', () => t.http().get('/api/me/notifications').query({ cursor: cursor([1, '2026-02-30T00:00:00.000Z', uuid]) }).set('authorization', as['fz-admin']), 'cursor'],
      ['NUL in a query string', () => t.http().get('/api/agencies?name=a%00b').set('authorization', as['fz-admin']), 'name'],
      ['NUL in a JSON body', () => t.http().post('/api/agencies').set('authorization', as['fz-admin']).send({ nameZh: 'a\u0000b' }), 'nameZh'],
      ['an impossible date', () => t.http().get('/api/audit?from=2026-02-30').set('authorization', as.admin), 'from'],
      ['nine-digit fractional seconds', () => t.http().get('/api/audit?from=2026-01-01T00:00:00.123456789Z').set('authorization', as.admin), 'from'],
      ['a lone surrogate in JSON', () => t.http().post('/api/agencies').set('authorization', as['fz-admin']).set('content-type', 'application/json').send('{"nameZh":"\\ud800x"}'), 'nameZh'],
      ['a lone surrogate in a JSON array', () => t.http().post('/api/agencies').set('authorization', as['fz-admin']).set('content-type', 'application/json').send('{"nameZh":["\\udc00"]}'), 'nameZh'],
      ['100,000-deep JSON', () => t.http().post('/api/agencies').set('authorization', as['fz-admin']).set('content-type', 'application/json').send(deepJson(100_000)), 'nameZh'],
    ];
    const before = await lastAuditSeq();
    for (const [name, send, field] of cases) {
      const response = await send();
      expect([name, response.status]).toEqual([name, 400]);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect([name, response.body.errors?.map((e) => e.field.split(/[.[]/)[0])]).toEqual([name, expect.arrayContaining([field])]);
    }
    expect(await lastAuditSeq()).toBe(before);
    await t.http().get('/health').expect(200);
  });

  it('answers problem+json to every refused request', async () => {
    const response = await t.http().post('/api/agencies').set('authorization', as['fz-admin']).send({ uscc: "' OR 1=1 --", nameZh: '\u0000', jurisdictionCode: ['350100'] }).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors.length).toBeGreaterThan(0);
  });
});
