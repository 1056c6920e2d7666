import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './jwt.strategy';

/** A machine client's token is for another audience: it never passes as a person's, nor the reverse. */
export const CLIENT_TOKEN_AUDIENCE = 'agency-registry-clients';

/** What an API client may be granted. */
export const API_CLIENT_SCOPES = ['events:read'] as const;
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

/** An API client acting on a request, as the routes for clients and the audit trail see it. */
export interface ApiClientActor {
  clientId: string;
  name: string;
  scopes: ApiClientScope[];
  /** Its own budget of requests a minute, when the admin gave it one (else RATE_LIMIT_CLIENT_PER_MINUTE). */
  rateLimitPerMinute: number | null;
}

export interface ClientTokenClaims {
  sub: string;
  name: string;
  scopes: ApiClientScope[];
  /** The client's secret generation: rotating the secret ends the tokens issued under the old one. */
  gen: number;
  /** The client's own rate limit a minute, if any. */
  rpm?: number | null;
  exp?: number;
}

/**
 * Whether a client may still act (enabled, and its secret not rotated since the token). Provided by
 * the lib that owns API clients; without it every client token is refused.
 */
export abstract class ClientLiveness {
  abstract isLive(clientId: string, generation: number): Promise<boolean>;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_.-]{1,4096})$/i;

/** Signs and verifies client tokens (HS256 with JWT_SECRET, the clients' audience). */
@Injectable()
export class ClientTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  sign(claims: Omit<ClientTokenClaims, 'exp'>, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync({ ...claims }, { secret: this.config.get('JWT_SECRET'), algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: CLIENT_TOKEN_AUDIENCE, expiresIn: ttlSeconds });
  }

  /** The client a bearer token names, or null when it is no valid client token. */
  async verify(authorization: string | undefined): Promise<ClientTokenClaims | null> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const claims = await this.jwt.verifyAsync<ClientTokenClaims>(token, { secret: this.config.get('JWT_SECRET'), algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: CLIENT_TOKEN_AUDIENCE });
      return typeof claims.sub === 'string' && Array.isArray(claims.scopes) && typeof claims.gen === 'number' && typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }

  /** Whether the header holds a valid token of a person (who is then refused a client route with 403, not 401). */
  async isPersonToken(authorization: string | undefined): Promise<boolean> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return false;
    try {
      await this.jwt.verifyAsync(token, { secret: this.config.get('JWT_SECRET'), algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
      return true;
    } catch {
      return false;
    }
  }
}
