import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@app/core';
import { Actor } from './actor';
import { ROLES, Role } from './roles';

export const TOKEN_ISSUER = 'agency-registry';
export const TOKEN_AUDIENCE = 'agency-registry-api';

/** What an access token carries: enough to scope a request without a database round trip. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  bureauId: string | null;
  agencyId: string | null;
  scope: string | null;
  /** The sign-in (refresh-token family) the token was issued in: ending it refuses the token. */
  sid: string;
  /** Set by the signer; a token without one would never expire and is refused. */
  exp?: number;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the string, jsonwebtoken first tries (and fails) to read it
      // as a public key on every request, a thrown error each time.
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET') as string)) as unknown as string,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /**
   * Only the token itself: passport keeps one strategy per name for the whole process, so this
   * must not depend on one app's providers. Whether the sign-in is still live, the AccessGuard asks.
   */
  validate(claims: AccessTokenClaims): Actor | false {
    return actorFromClaims(claims) ?? false;
  }
}

/** The actor a verified token names; null when a claim the registry relies on is missing or wrong. */
export function actorFromClaims(claims: AccessTokenClaims): Actor | null {
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !ROLES.includes(claims.role) || typeof claims.exp !== 'number') return null;
  return {
    userId: claims.sub,
    username: claims.username,
    role: claims.role,
    bureauId: claims.bureauId ?? null,
    agencyId: claims.agencyId ?? null,
    jurisdictionPrefix: claims.scope ?? null,
    sessionId: claims.sid,
  };
}
