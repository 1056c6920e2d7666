import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Problems } from '@app/core';
import { ACCESS_POLICY, AccessPolicy } from './access.decorators';
import { Actor } from './actor';
import { LiveSessions } from './live-sessions';

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

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw Problems.unauthorized('Sign in first: the access token is missing, invalid or expired');
    return user;
  }
}
