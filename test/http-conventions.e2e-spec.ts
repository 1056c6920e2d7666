import { RoutePolicies } from '@app/access';
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
    // No worker beside this test app: ready, and degraded because nothing runs the scheduled jobs.
    expect((await t.http().get('/health/ready').expect(200)).body).toEqual({
      status: 'degraded',
      problems: [expect.stringMatching(/^No process has ever run the scheduled jobs: start a worker \(`npm run start:worker`/)],
      warnings: expect.any(Array),
    });
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

  describe('OpenAPI conventions a generated client relies on', () => {
    type Operation = {
      operationId: string;
      'x-roles'?: string[];
      parameters?: { in: string; name: string; required?: boolean }[];
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
      responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
    };
    type Document = {
      servers: { url: string }[];
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; enum?: unknown[] }> };
    };
    let document: Document;
    let operations: { method: string; path: string; operation: Operation }[];
    const bodyProperties = (operation: Operation) => {
      const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema.$ref;
      return Object.keys((ref && document.components.schemas[ref.split('/').pop() as string]?.properties) ?? {});
    };

    beforeAll(async () => {
      document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
      operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ method, path, operation })));
    });

    it('documents every error as application/problem+json with the ProblemDetails schema', () => {
      const wrong = operations.flatMap(({ method, path, operation }) =>
        Object.entries(operation.responses)
          .filter(([status]) => Number(status) >= 400)
          // The OAuth token endpoint answers errors as RFC 6749 §5.2 requires ({ error, error_description }), which clients of it expect.
          .filter(() => path !== '/api/auth/token')
          .filter(([, response]) => JSON.stringify(response.content) !== JSON.stringify({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } }))
          .map(([status]) => `${method} ${path} ${status}`),
      );
      expect(wrong).toEqual([]);
      expect(document.components.schemas.ProblemDetails.required).toEqual(expect.arrayContaining(['type', 'title', 'status']));
      expect(Object.keys(document.components.schemas.ProblemDetails.properties ?? {})).toEqual(expect.arrayContaining(['detail', 'instance', 'errors']));
    });

    it('documents 404 with a path id, 400 with a body or query, 409 with a version, 401/403 when signed-in only', () => {
      const missing: string[] = [];
      for (const { method, path, operation } of operations) {
        const statuses = Object.keys(operation.responses);
        const expected = [
          ...(path.includes('{') ? ['404'] : []),
          ...(operation.requestBody || operation.parameters?.some((p) => p.in === 'query') ? ['400'] : []),
          ...(bodyProperties(operation).includes('version') ? ['409'] : []),
          ...(operation['x-roles']?.includes('public') ? [] : ['401', '403']),
        ];
        for (const status of expected) if (!statuses.includes(status)) missing.push(`${method} ${path} ${status}`);
      }
      expect(missing).toEqual([]);
      // A body with a version is refused with 409 when stale: the document says so where it applies.
      expect(Object.keys(document.paths['/api/agencies/{id}'].patch.responses)).toEqual(expect.arrayContaining(['400', '404', '409']));
    });

    it('names every enum once in components and never repeats one inline', () => {
      const inline: string[] = [];
      const walk = (node: unknown, at: string) => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray((node as { enum?: unknown }).enum)) inline.push(at);
        for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
      };
      walk(document.paths, '#/paths');
      for (const [name, schema] of Object.entries(document.components.schemas)) {
        for (const [key, child] of Object.entries(schema)) walk(child, `#/components/schemas/${name}/${key}`);
      }
      expect(inline).toEqual([]);
      expect(document.components.schemas.LicenceStatus.enum).toEqual(['active', 'suspended', 'revoked', 'surrendered', 'expired']);
      expect(document.components.schemas.ComplaintStatus.enum).toContain('investigating');
    });

    it('gives operations unique ids a person would write, and keeps their roles', () => {
      const ids = operations.map(({ operation }) => operation.operationId);
      expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id) || /Controller/.test(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(document.paths['/api/agencies'].get.operationId).toBe('listAgencies');
      expect(document.paths['/api/agencies/{id}'].get.operationId).toBe('getAgency');
      expect(document.paths['/api/agencies/{id}/profile'].get.operationId).toBe('getAgencyProfile');
      expect(document.paths['/api/licence-applications/{id}/decision'].post.operationId).toBe('decideLicenceApplication');
      expect(operations.filter(({ operation }) => !operation['x-roles']?.length)).toEqual([]);
    });

    it('declares limit and cursor on every list, answering a named page with a required, nullable nextCursor', () => {
      const pages = operations.filter(({ operation }) => operation.responses['200']?.content?.['application/json']?.schema.$ref?.includes('/PageOf'));
      expect(pages.length).toBeGreaterThan(10);
      for (const { method, path, operation } of pages) {
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        expect([method, path, query]).toEqual([method, path, expect.arrayContaining(['limit', 'cursor'])]);
        const page = document.components.schemas[(operation.responses['200'].content?.['application/json'].schema.$ref as string).split('/').pop() as string];
        expect(page.required).toEqual(expect.arrayContaining(['items', 'nextCursor']));
        expect(page.properties?.nextCursor).toEqual(expect.objectContaining({ type: 'string', nullable: true }));
        expect((page.properties?.items as { items: { $ref?: string } }).items.$ref).toMatch(/^#\/components\/schemas\//);
      }
    });

    it('gives every operation a response schema, declares each header once, and dates as date-time strings', () => {
      const withoutSchema = operations
        .filter(({ operation }) => Object.entries(operation.responses).some(([status, response]) => Number(status) < 300 && Number(status) !== 204 && !response.content))
        .map(({ method, path }) => `${method} ${path}`);
      expect(withoutSchema).toEqual([]);
      for (const { method, path, operation } of operations) {
        const headers = (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
        expect([method, path, headers]).toEqual([method, path, [...new Set(headers)]]);
      }
      const language = document.paths['/api/inspections/{id}/findings'].put.parameters?.find((p) => p.name === 'accept-language');
      expect(language?.required).toBe(false);
      expect(document.paths['/api/public/complaints'].post.parameters?.find((p) => p.name.toLowerCase() === 'idempotency-key')?.required).toBe(false);
      expect(document.components.schemas.JobRunView.properties?.finishedAt).toEqual({ type: 'string', format: 'date-time', nullable: true });
      expect(document.components.schemas.NotificationView.properties?.readAt).toEqual({ type: 'string', format: 'date-time', nullable: true });
      expect(document.servers).toEqual([{ url: '/' }]);
    });
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await t.http().get('/api/docs').expect(200);
    expect(response.text).toMatch(/swagger/i);
  });
});
