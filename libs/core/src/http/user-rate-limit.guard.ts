import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { ProblemException } from '../errors/problem.exception';
import { RATE_LIMIT_STORE } from './rate-limit.guard';

const USER_RATE_LIMIT = 'rate-limit:per-user';
export type UserRateLimitKind = 'pdf';

/**
 * Puts a route under a per-user budget (PDFs: RATE_LIMIT_PDF_PER_USER_PER_MINUTE), counted by
 * the signed-in user rather than the address, so that one account cannot keep the PDF workers
 * busy from many addresses, nor an office behind one address share a single budget.
 */
export const UserRateLimit = (kind: UserRateLimitKind) => SetMetadata(USER_RATE_LIMIT, kind);

/**
 * Runs after the access guard (it needs the signed-in user): a route tagged with @UserRateLimit
 * costs one counter bump, in the same store as the per-address limits. Refused: 429
 * problem+json with Retry-After.
 */
@Injectable()
export class UserRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORE) private readonly store: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<UserRateLimitKind | undefined>(USER_RATE_LIMIT, context.getHandler());
    if (!kind) return true;
    const user = context.switchToHttp().getRequest<{ user?: { userId?: string } }>().user;
    if (!user?.userId) return true;
    const limit = this.config.get('RATE_LIMIT_PDF_PER_USER_PER_MINUTE');
    const record = await this.store.increment(`user-${kind}:${user.userId}`, 60_000, limit, 60_000, `user-${kind}`);
    if (!record.isBlocked) return true;
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(Math.max(1, record.timeToBlockExpire)));
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'too-many-requests', `At most ${limit} documents a minute per user; try again in ${Math.max(1, record.timeToBlockExpire)} s`, { limit });
  }
}
