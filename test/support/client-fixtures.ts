import { TestApp } from './test-app';

export interface RegisteredClient {
  id: string;
  secret: string;
  name: string;
  version: number;
}

/** A client registered by the system admin through the API. */
export async function registerClient(t: TestApp, adminAuthorization: string, name: string, extra: { rateLimitPerMinute?: number } = {}): Promise<RegisteredClient> {
  const response = await t.http().post('/api/admin/api-clients').set('authorization', adminAuthorization).send({ name, scopes: ['events:read'], ...extra });
  if (response.status !== 201) throw new Error(`register client: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id, secret: response.body.clientSecret, name, version: response.body.version };
}

/** A client token by the client-credentials grant, form-encoded as RFC 6749 says. */
export async function clientToken(t: TestApp, client: Pick<RegisteredClient, 'id' | 'secret'>): Promise<string> {
  const response = await t.http().post('/api/auth/token').type('form').send({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
  if (response.status !== 200) throw new Error(`client token: ${response.status} ${JSON.stringify(response.body)}`);
  return `Bearer ${response.body.access_token}`;
}
