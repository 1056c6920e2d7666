import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { Environment } from '../config/environment';

export const RATE_LIMIT_KIND = 'rate-limit:kind';
export type RateLimitKind = 'login' | 'public';

/** Puts a route under a stricter per-IP limit than the default (sign-in, public endpoints). */
export const RateLimit = (kind: RateLimitKind) => SetMetadata(RATE_LIMIT_KIND, kind);

const kindOf = (context: ExecutionContext): RateLimitKind | undefined =>
  Reflect.getMetadata(RATE_LIMIT_KIND, context.getHandler()) as RateLimitKind | undefined;

/**
 * Three per-IP budgets a minute: a generous default for every route, and strict ones that apply
 * only to routes tagged with @RateLimit. Counters live in each API process's memory.
 */
export function throttlerOptions(env: Pick<Environment, 'RATE_LIMIT_DEFAULT_PER_MINUTE' | 'RATE_LIMIT_LOGIN_PER_MINUTE' | 'RATE_LIMIT_PUBLIC_PER_MINUTE'>): ThrottlerModuleOptions {
  const minute = 60_000;
  return {
    throttlers: [
      { name: 'default', ttl: minute, limit: env.RATE_LIMIT_DEFAULT_PER_MINUTE },
      { name: 'login', ttl: minute, limit: env.RATE_LIMIT_LOGIN_PER_MINUTE, skipIf: (c) => kindOf(c) !== 'login' },
      { name: 'public', ttl: minute, limit: env.RATE_LIMIT_PUBLIC_PER_MINUTE, skipIf: (c) => kindOf(c) !== 'public' },
    ],
  };
}
