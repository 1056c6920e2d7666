import { expectProblem, seedWorld, signInAll } from './support/fixtures';
import { clientToken, registerClient } from './support/client-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('API clients and OAuth 2.0 client credentials', () => {
  let t: TestApp;
  let as: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t);
    as = await signInAll(t);
  });
  afterAll(() => t.close());

  const token = (form: Record<string, string>) => t.http().post('/api/auth/token').type('form').send(form);

  describe('registration by the system admin', () => {
    it('shows the secret once, stores only its hash, and lists clients without secrets', async () => {
      const created = await t.http().post('/api/admin/api-clients').set('authorization', as.admin).send({ name: 'fujian-gov-platform', scopes: ['events:read'], description: 'Fujian service platform' }).expect(201);
      expect(created.body).toMatchObject({ name: 'fujian-gov-platform', scopes: ['events:read'], status: 'active', secretGeneration: 1, version: 1, clientSecret: expect.stringMatching(/^ars_[A-Za-z0-9_-]{43}$/) });
      const [stored] = await t.db.query(`SELECT secret_hash FROM api_clients WHERE id = $1`, [created.body.id]);
      expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.secret_hash).not.toContain(created.body.clientSecret);
      const listed = await t.http().get('/api/admin/api-clients').set('authorization', as.admin).expect(200);
      const entry = listed.body.items.find((c: { id: string }) => c.id === created.body.id);
      expect(entry).toMatchObject({ name: 'fujian-gov-platform', status: 'active' });
      expect(JSON.stringify(listed.body)).not.toContain('ars_');
      expect(JSON.stringify(listed.body)).not.toContain(stored.secret_hash);
    });

    it('refuses other roles (403), anonymous callers (401), bad names and scopes (400) and a second client of one name (409)', async () => {
      for (const user of ['ministry', 'fj-admin', 'agency-fj-1']) {
        expectProblem((await t.http().post('/api/admin/api-clients').set('authorization', as[user]).send({ name: 'x-client', scopes: ['events:read'] }).expect(403)).body, 403);
        await t.http().get('/api/admin/api-clients').set('authorization', as[user]).expect(403);
      }
      await t.http().get('/api/admin/api-clients').expect(401);
      const badName = await t.http().post('/api/admin/api-clients').set('authorization', as.admin).send({ name: 'Has Spaces', scopes: ['events:read'] }).expect(400);
      expect(badName.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
      const badScope = await t.http().post('/api/admin/api-clients').set('authorization', as.admin).send({ name: 'scope-client', scopes: ['admin:all'] }).expect(400);
      expect(badScope.body.errors[0].field).toMatch(/^scopes/);
      await registerClient(t, as.admin, 'twice-client');
      const twice = await t.http().post('/api/admin/api-clients').set('authorization', as.admin).send({ name: 'twice-client', scopes: ['events:read'] }).expect(409);
      expectProblem(twice.body, 409);
    });
  });

  describe('the token endpoint (RFC 6749 §4.4)', () => {
    it('answers a form-encoded client_credentials grant with a bearer token', async () => {
      const client = await registerClient(t, as.admin, 'token-client');
      const response = await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).expect(200);
      expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'events:read' });
      expect(response.headers['cache-control']).toBe('no-store');
      // HTTP Basic (§2.3.1) works as well.
      const basic = Buffer.from(`${client.id}:${client.secret}`).toString('base64');
      await t.http().post('/api/auth/token').set('authorization', `Basic ${basic}`).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    });

    it('refuses a wrong secret or unknown client with 401 invalid_client, in OAuth JSON', async () => {
      const client = await registerClient(t, as.admin, 'wrong-secret-client');
      for (const form of <Record<string, string>[]>[
        { grant_type: 'client_credentials', client_id: client.id, client_secret: `${client.secret}x` },
        { grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: client.secret },
        { grant_type: 'client_credentials', client_id: 'not-a-uuid', client_secret: client.secret },
        { grant_type: 'client_credentials', client_id: client.id },
      ]) {
        const response = await token(form).expect(401);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
        expect(response.headers['www-authenticate']).toMatch(/^Basic/);
      }
    });

    it('refuses other grants (400 unsupported_grant_type), a missing grant (400 invalid_request) and scopes not granted (400 invalid_scope)', async () => {
      const client = await registerClient(t, as.admin, 'grant-client');
      expect((await token({ grant_type: 'password', username: 'a', password: 'b' }).expect(400)).body).toMatchObject({ error: 'unsupported_grant_type' });
      expect((await token({ client_id: client.id, client_secret: client.secret }).expect(400)).body).toMatchObject({ error: 'invalid_request' });
      expect((await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: 'events:read admin' }).expect(400)).body).toMatchObject({ error: 'invalid_scope' });
    });

    it('takes a form on the token endpoint only, and refuses it from another site', async () => {
      const login = await t.http().post('/api/auth/login').type('form').send({ username: 'admin', password: 'x' }).expect(415);
      expectProblem(login.body, 415);
      await t.http().post('/api/auth/token').set('origin', 'https://evil.example').type('form').send({ grant_type: 'client_credentials' }).expect(403);
    });

    it('stops issuing tokens once disabled, and after a rotation only to the new secret', async () => {
      const client = await registerClient(t, as.admin, 'rotated-client');
      const disabled = await t.http().post(`/api/admin/api-clients/${client.id}/disable`).set('authorization', as.admin).send({ version: client.version }).expect(200);
      expect(disabled.body.status).toBe('disabled');
      expect((await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).expect(401)).body.error).toBe('invalid_client');
      // Disabling twice is an illegal transition; an old version is stale.
      expectProblem((await t.http().post(`/api/admin/api-clients/${client.id}/disable`).set('authorization', as.admin).send({ version: disabled.body.version }).expect(409)).body, 409);
      await t.http().post(`/api/admin/api-clients/${client.id}/enable`).set('authorization', as.admin).send({ version: client.version }).expect(409);
      const enabled = await t.http().post(`/api/admin/api-clients/${client.id}/enable`).set('authorization', as.admin).send({ version: disabled.body.version }).expect(200);
      const rotated = await t.http().post(`/api/admin/api-clients/${client.id}/rotate-secret`).set('authorization', as.admin).send({ version: enabled.body.version }).expect(200);
      expect(rotated.body).toMatchObject({ secretGeneration: 2, clientSecret: expect.stringMatching(/^ars_/) });
      expect(rotated.body.clientSecret).not.toBe(client.secret);
      await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).expect(401);
      await clientToken(t, { id: client.id, secret: rotated.body.clientSecret });
      await t.http().post(`/api/admin/api-clients/00000000-0000-4000-8000-000000000000/disable`).set('authorization', as.admin).send({ version: 1 }).expect(404);
    });

    it('cannot call the routes of people with a client token (401)', async () => {
      const client = await registerClient(t, as.admin, 'nosy-client');
      const bearer = await clientToken(t, client);
      expectProblem((await t.http().get('/api/agencies').set('authorization', bearer).expect(401)).body, 401);
      await t.http().get('/api/me').set('authorization', bearer).expect(401);
    });
  });

  it('audits registration, changes and tokens, naming the client', async () => {
    const client = await registerClient(t, as.admin, 'audited-client');
    await clientToken(t, client);
    await t.http().post('/api/auth/token').type('form').send({ grant_type: 'client_credentials', client_id: client.id, client_secret: 'ars_wrong' }).expect(401);
    const trail = await t.http().get(`/api/audit?entityType=api_client&entityId=${client.id}&limit=20`).set('authorization', as.admin).expect(200);
    const rows = (trail.body.items as { action: string; actorUsername: string; after: Record<string, unknown> | null }[]).map((e) => [e.action, e.actorUsername]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['api_client.create', 'admin'],
        ['api_client.token', 'client:audited-client'],
        ['api_client.token_refused', 'client:audited-client'],
      ]),
    );
    expect(JSON.stringify(trail.body)).not.toContain(client.secret);
  });
});
