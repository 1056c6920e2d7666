import { RoutePolicies } from '@app/auth';
import { expectProblem, seedWorld, signInAll } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    await t.http().get('/health/ready').expect(200, { status: 'ok' });
  });

  it('sends helmet security headers and a request id, echoing a sane incoming one', async () => {
    const fresh = await t.http().get('/health').expect(200);
    expect(fresh.headers['x-content-type-options']).toBe('nosniff');
    expect(fresh.headers['strict-transport-security']).toBeDefined();
    expect(fresh.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/health').set('x-request-id', 'gateway-req-12345').expect(200);
    expect(echoed.headers['x-request-id']).toBe('gateway-req-12345');
    const replaced = await t.http().get('/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toMatch(/spaces/);
  });

  it('answers unknown routes with a problem', async () => {
    // Paths outside /api belong to the web app (test/web-app.e2e-spec.ts).
    const response = await t.http().get('/api/no-such-route').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, instance: '/api/no-such-route', requestId: response.headers['x-request-id'] });
  });

  it('answers malformed JSON, wrong media types and oversized bodies with problems, changing nothing', async () => {
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    const malformed = await t.http().post('/api/users').set('authorization', as.admin).set('content-type', 'application/json').send('{"username": ').expect(400);
    expectProblem(malformed.body, 400);
    const media = await t.http().post('/api/users').set('authorization', as.admin).set('content-type', 'application/xml').send('<user/>');
    expect(media.status).toBe(415);
    expectProblem(media.body, 415);
    const huge = await t.http().post('/api/users').set('authorization', as.admin).send({ username: 'big', displayName: 'x'.repeat(10_000), password: 'a-long-enough-password', role: 'inspector' }).expect(413);
    expectProblem(huge.body, 413);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM users`);
    expect(after).toBe(before);
  });

  it('refuses unknown query parameters and wrong types field by field', async () => {
    const response = await t.http().get('/api/users?limit=abc&sort=name').set('authorization', as.admin).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['limit', 'sort']));
    await t.http().get('/api/users?limit=100000').set('authorization', as.admin).expect(400);
  });

  it('gives every route an access policy (a route without one keeps the app from starting)', () => {
    const routes = t.app.get(RoutePolicies).list();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((route) => !route.policy).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
  });

  it('documents every route with its roles, and every request body, in OpenAPI', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const route of t.app.get(RoutePolicies).list()) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect([route.method, path, operation ? 'documented' : 'missing']).toEqual([route.method, path, 'documented']);
      expect(operation?.['x-roles']?.length).toBeGreaterThan(0);
      const ref = operation?.requestBody?.content['application/json']?.schema.$ref;
      if (ref) {
        const schema = document.components.schemas[ref.split('/').pop() as string];
        expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
      }
    }
    expect(document.paths['/api/users'].post['x-roles']).toEqual(['system_admin', 'bureau_admin']);
    expect(document.components.schemas.CreateUserRequest.properties).toHaveProperty('username');
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await t.http().get('/api/docs').expect(200);
    expect(response.text).toMatch(/swagger/i);
  });
});
