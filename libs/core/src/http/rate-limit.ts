import { SetMetadata } from '@nestjs/common';
import { Environment } from '../config/environment';

export const RATE_LIMIT_KIND = 'rate-limit:kind';
export type RateLimitKind = 'login' | 'public' | 'datasets';

/** Puts a route under a stricter per-IP limit than the default (sign-in, public endpoints, open dataset downloads). */
export const RateLimit = (kind: RateLimitKind) => SetMetadata(RATE_LIMIT_KIND, kind);

/** One per-IP, per-route budget: `limit` requests in a window of `windowMs`. */
export interface RateLimitBudget {
  name: 'default' | RateLimitKind;
  limit: number;
  windowMs: number;
  /** Routes it applies to: every route, or only those tagged with that @RateLimit kind. */
  appliesTo: 'every-route' | RateLimitKind;
  /**
   * What happens while the counters cannot be reached (Redis down): refuse (sign-in, so that a
   * broken store does not open the door to password guessing) or let the request through.
   */
  whenStoreIsDown: 'refuse' | 'allow';
}

type BudgetSettings = Pick<Environment, 'RATE_LIMIT_DEFAULT_PER_MINUTE' | 'RATE_LIMIT_LOGIN_PER_MINUTE' | 'RATE_LIMIT_PUBLIC_PER_MINUTE' | 'RATE_LIMIT_DATASETS_PER_MINUTE'>;

/**
 * Per-IP budgets a minute: a generous default for every route, and strict ones that apply only to
 * routes tagged with @RateLimit. Dataset downloads have their own (few, large answers), apart from
 * the public lists' per-page budget.
 */
export function rateLimitBudgets(env: BudgetSettings): RateLimitBudget[] {
  const minute = 60_000;
  return [
    { name: 'default', limit: env.RATE_LIMIT_DEFAULT_PER_MINUTE, windowMs: minute, appliesTo: 'every-route', whenStoreIsDown: 'allow' },
    { name: 'login', limit: env.RATE_LIMIT_LOGIN_PER_MINUTE, windowMs: minute, appliesTo: 'login', whenStoreIsDown: 'refuse' },
    { name: 'public', limit: env.RATE_LIMIT_PUBLIC_PER_MINUTE, windowMs: minute, appliesTo: 'public', whenStoreIsDown: 'allow' },
    { name: 'datasets', limit: env.RATE_LIMIT_DATASETS_PER_MINUTE, windowMs: minute, appliesTo: 'datasets', whenStoreIsDown: 'allow' },
  ];
}
