import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiClientScope, ClientLiveness, ClientTokens } from '@app/access';
import { AuditService } from '@app/audit';
import { AppConfig, Clock, decodeCursor, encodeCursor, Page, Problems } from '@app/core';
import { ApiClientQuery, ApiClientView, ApiClientWithSecret, ClientCredentialsToken, CreateApiClientRequest } from './api-clients.dto';
import { newClientSecret, secretMatches } from './client-secrets';

const COLUMNS = `id, name, description, scopes, status, rate_limit_per_minute AS "rateLimitPerMinute", secret_generation AS "secretGeneration", created_at AS "createdAt", last_token_at AS "lastTokenAt", version`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a token was refused, in RFC 6749's words (§5.2). */
export class TokenRefused extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
  }
}

/** The party the audit trail names when a client acts. */
const asClient = (name: string) => ({ userId: null, username: `client:${name}`, role: 'api_client' });

/**
 * Machine clients of the registry (other government systems): registered by the system admin with
 * scopes, holding a secret shown once and stored hashed, and exchanging it for short-lived tokens.
 */
@Injectable()
export class ApiClientsService implements ClientLiveness {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly tokens: ClientTokens,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(request: CreateApiClientRequest): Promise<ApiClientWithSecret> {
    const { secret, hash } = newClientSecret();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO api_clients (name, description, scopes, rate_limit_per_minute, secret_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
        [request.name, request.description ?? '', request.scopes, request.rateLimitPerMinute ?? null, hash],
      )) as ApiClientView[];
      if (!row) throw Problems.conflict('duplicate-name', `An API client named ${request.name} already exists`);
      await this.audit.record(manager, { action: 'api_client.create', entityType: 'api_client', entityId: row.id, after: row });
      return { ...row, clientSecret: secret };
    });
  }

  async list(query: ApiClientQuery): Promise<Page<ApiClientView>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      where.push(`(created_at, id) < ($${params.push(createdAt)}, $${params.push(id)})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_clients ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      params,
    )) as ApiClientView[];
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null };
  }

  /** Its tokens stop working at once (the access guard asks `isLive` on every request). */
  disable(id: string, version: number): Promise<ApiClientView> {
    return this.change(id, version, 'api_client.disable', `status = 'disabled'`, `status = 'active'`);
  }

  enable(id: string, version: number): Promise<ApiClientView> {
    return this.change(id, version, 'api_client.enable', `status = 'active'`, `status = 'disabled'`);
  }

  /** A new secret, shown once; the old secret and every token issued under it stop working. */
  async rotate(id: string, version: number): Promise<ApiClientWithSecret> {
    const { secret, hash } = newClientSecret();
    const row = await this.change(id, version, 'api_client.rotate', `secret_hash = '${hash}', secret_generation = secret_generation + 1`, 'true');
    return { ...row, clientSecret: secret };
  }

  private async change(id: string, version: number, action: string, set: string, allowedWhen: string): Promise<ApiClientView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (before.version !== version) throw Problems.staleVersion('API client', before.version);
      const [[after]] = (await manager.query(
        `UPDATE api_clients SET ${set}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND ${allowedWhen} RETURNING ${COLUMNS}`,
        [id, version],
      )) as [ApiClientView[], number];
      if (!after) throw Problems.illegalTransition('API client', before.status, action === 'api_client.enable' ? 'active' : 'disabled');
      await this.audit.record(manager, { action, entityType: 'api_client', entityId: id, before, after });
      return after;
    });
  }

  private async find(manager: EntityManager, id: string): Promise<ApiClientView> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM api_clients WHERE id = $1 FOR UPDATE`, [id])) as ApiClientView[];
    if (!row) throw Problems.notFound('API client', id);
    return row;
  }

  async isLive(clientId: string, generation: number): Promise<boolean> {
    if (!UUID.test(clientId)) return false;
    const rows = (await this.dataSource.query(`SELECT 1 FROM api_clients WHERE id = $1 AND status = 'active' AND secret_generation = $2`, [clientId, generation])) as unknown[];
    return rows.length === 1;
  }

  /**
   * RFC 6749 §4.4: a token for a client that proves its secret, with the scopes it asks for (all it
   * was granted by default). Issued and refused tokens are both audited under the client's name.
   */
  async issueToken(clientId: string, clientSecret: string, requestedScope: string | undefined): Promise<ClientCredentialsToken> {
    const ttl = this.config.get('CLIENT_TOKEN_TTL_SECONDS');
    return this.dataSource.transaction(async (manager) => {
      const [client] = UUID.test(clientId)
        ? ((await manager.query(`SELECT id, name, scopes, status, secret_hash, secret_generation, rate_limit_per_minute FROM api_clients WHERE id = $1`, [clientId])) as {
            id: string;
            name: string;
            scopes: ApiClientScope[];
            status: string;
            secret_hash: string;
            secret_generation: number;
            rate_limit_per_minute: number | null;
          }[])
        : [];
      if (!client) throw new TokenRefused('invalid_client', 'Unknown client or wrong secret');
      if (!secretMatches(clientSecret, client.secret_hash) || client.status !== 'active') {
        // Its own transaction would be rolled back with the refusal: the attempt is recorded apart.
        await this.dataSource.transaction((m) => this.audit.record(m, { action: 'api_client.token_refused', entityType: 'api_client', entityId: client.id, actor: asClient(client.name), after: { reason: client.status === 'active' ? 'wrong secret' : 'disabled' } }));
        throw new TokenRefused('invalid_client', client.status === 'active' ? 'Unknown client or wrong secret' : 'The client is disabled');
      }
      const requested = requestedScope === undefined || requestedScope.trim() === '' ? client.scopes : requestedScope.trim().split(/\s+/);
      const refused = requested.filter((scope) => !client.scopes.includes(scope as ApiClientScope));
      if (refused.length > 0) throw new TokenRefused('invalid_scope', `Not granted to this client: ${refused.join(' ')}`);
      const scopes = [...new Set(requested)] as ApiClientScope[];
      const accessToken = await this.tokens.sign({ sub: client.id, name: client.name, scopes, gen: client.secret_generation, rpm: client.rate_limit_per_minute }, ttl);
      await manager.query(`UPDATE api_clients SET last_token_at = $2 WHERE id = $1`, [client.id, this.clock.now()]);
      await this.audit.record(manager, { action: 'api_client.token', entityType: 'api_client', entityId: client.id, actor: asClient(client.name), after: { scopes, expiresIn: ttl } });
      return { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') };
    });
  }
}
