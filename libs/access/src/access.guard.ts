import { ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Problems } from '@app/core';
import { ACCESS_POLICY, AccessPolicy } from './access.decorators';
import { Actor } from './actor';
import { LiveSessions } from './live-sessions';
import { ApiClientActor, ClientLiveness, ClientTokens } from './client-tokens';

/** What a client route's request carries once the guard let it through. */
export type ClientRequest = { user?: { userId: null; username: string; role: 'api_client' }; apiClient?: ApiClientActor; headers: Record<string, string | string[] | undefined> };

/**
 * The global guard: public routes pass; every other route needs a valid access token of a live
 * sign-in (see LiveSessions) and one of the roles its @Allow names. A route that declares nothing is refused (and reported).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: LiveSessions,
    private readonly clientTokens: ClientTokens,
    @Optional() private readonly clients?: ClientLiveness,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no access policy`);
      throw Problems.forbidden('This route has no access policy');
    }
    if (policy.kind === 'public') return true;
    if (policy.kind === 'client') return this.admitClient(context.switchToHttp().getRequest<ClientRequest>(), policy.scopes);
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    // A database fault here is a 503 like any other (the problem filter's), not a 401.
    if (!(await this.sessions.isLive(actor))) {
      throw Problems.unauthorized('Sign in again: this sign-in has ended or the account is disabled');
    }
    if (!policy.roles.includes(actor.role)) {
      throw Problems.forbidden(`This action is for ${policy.roles.join(', ')}; you are signed in as ${actor.role}`);
    }
    return true;
  }

  /** A client route: a live client's token holding every scope; a person's token is a 403, no token a 401. */
  private async admitClient(request: ClientRequest, scopes: readonly string[]): Promise<boolean> {
    const authorization = typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
    const claims = await this.clientTokens.verify(authorization);
    if (!claims) {
      if (await this.clientTokens.isPersonToken(authorization)) throw Problems.forbidden('This route is for registered API clients (OAuth 2.0 client credentials), not for signed-in people');
      throw Problems.unauthorized('A client token is needed: POST /api/auth/token with grant_type=client_credentials');
    }
    if (!this.clients || !(await this.clients.isLive(claims.sub, claims.gen))) {
      throw Problems.unauthorized('The client token is no longer valid: the client is disabled or its secret was rotated');
    }
    const missing = scopes.filter((scope) => !claims.scopes.includes(scope as never));
    if (missing.length > 0) throw Problems.forbidden(`This route needs the scope ${missing.join(', ')}`);
    request.apiClient = { clientId: claims.sub, name: claims.name, scopes: claims.scopes, rateLimitPerMinute: typeof claims.rpm === 'number' ? claims.rpm : null };
    // The audit trail names the client for whatever it does.
    request.user = { userId: null, username: `client:${claims.name}`, role: 'api_client' };
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw Problems.unauthorized('Sign in first: the access token is missing, invalid or expired');
    return user;
  }
}
