import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Problems } from '@app/core';
import { Actor } from './actor';
import { AccessTokenClaims, actorFromClaims, TOKEN_AUDIENCE, TOKEN_ISSUER } from './jwt.strategy';
import { LiveSessions } from './live-sessions';

const BEARER = /^Bearer\s+([A-Za-z0-9_.-]{1,4096})$/i;

/**
 * Verifies an access token outside Nest's guards: the HTTP layer uses it to refuse an upload
 * before its body is read, where the AccessGuard would run only after parsing.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly sessions: LiveSessions,
  ) {}

  async actorOf(authorization: string | undefined): Promise<Actor> {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) throw Problems.unauthorized('Sign in first: the access token is missing');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.get('JWT_SECRET'),
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
    } catch {
      throw Problems.unauthorized('Sign in first: the access token is invalid or expired');
    }
    const actor = actorFromClaims(claims);
    if (!actor || !(await this.sessions.isLive(actor))) throw Problems.unauthorized('Sign in first: the access token is invalid or expired');
    return actor;
  }
}
