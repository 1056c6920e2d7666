import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { normalizeIp, ThrottlerException, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ThrottlerStorageRecord } from './memory-window-counters';
import { ProblemException } from '../errors/problem.exception';
import { Metrics } from '../metrics/metrics';
import { RATE_LIMIT_KIND, RateLimitBudget, RateLimitKind } from './rate-limit';

export const RATE_LIMIT_BUDGETS = Symbol('RATE_LIMIT_BUDGETS');
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
export const CLIENT_RATE_LIMIT = Symbol('CLIENT_RATE_LIMIT');

/** @nestjs/throttler's @SkipThrottle() marks what it skips with this key plus the budget name. */
const SKIP_METADATA = 'THROTTLER:SKIP';

interface RouteBudget {
  budget: RateLimitBudget;
  /** `<budget>:<Controller.handler>:`, completed with the caller's address. */
  keyPrefix: string;
}

/**
 * The global rate-limit guard. Which budgets apply to a route is worked out once, the first time
 * the route is called; a request then costs one counter bump per budget (in memory, or one Redis
 * script call each, pipelined).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private readonly routes = new WeakMap<object, RouteBudget[]>();
  private lastStoreFailureLog = 0;
  private readonly refused;

  constructor(
    @Inject(RATE_LIMIT_BUDGETS) private readonly budgets: RateLimitBudget[],
    @Inject(RATE_LIMIT_STORE) private readonly store: ThrottlerStorage,
    metrics: Metrics,
  ) {
    this.refused = metrics.counter('rate_limited_requests_total', 'Requests refused with 429, by the limit they exceeded', ['limit']);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (route === undefined) {
      route = this.budgetsOf(context);
      this.routes.set(handler, route);
    }
    if (route.length === 0) return true;
    const http = context.switchToHttp();
    const ip = http.getRequest<FastifyRequest>().ip;
    const tracker = ip.includes(':') ? normalizeIp(ip) : ip;
    const records = await Promise.all(route.map((r) => this.count(r, tracker)));
    for (const [index, record] of records.entries()) {
      if (record?.isBlocked) {
        this.refused.inc({ limit: route[index].budget.name });
        void http.getResponse<FastifyReply>().header('retry-after', String(record.timeToBlockExpire));
        throw new ThrottlerException();
      }
    }
    return true;
  }

  private async count({ budget, keyPrefix }: RouteBudget, tracker: string): Promise<ThrottlerStorageRecord | undefined> {
    try {
      return await this.store.increment(keyPrefix + tracker, budget.windowMs, budget.limit, budget.windowMs, budget.name);
    } catch (error) {
      this.reportStoreFailure(error);
      if (budget.whenStoreIsDown === 'allow') return undefined;
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'service-unavailable', 'Sign-in is unavailable for a moment (its rate limit cannot be checked); try again shortly');
    }
  }

  private budgetsOf(context: ExecutionContext): RouteBudget[] {
    const handler = context.getHandler();
    const controller = context.getClass();
    const kind = Reflect.getMetadata(RATE_LIMIT_KIND, handler) as RateLimitKind | undefined;
    const skipped = (name: string) => Reflect.getMetadata(SKIP_METADATA + name, handler) === true || Reflect.getMetadata(SKIP_METADATA + name, controller) === true;
    return this.budgets
      .filter((budget) => (budget.appliesTo === 'every-route' || budget.appliesTo === kind) && !skipped(budget.name))
      .map((budget) => ({ budget, keyPrefix: `${budget.name}:${controller.name}.${handler.name}:` }));
  }

  private reportStoreFailure(error: unknown): void {
    const now = Date.now();
    if (now - this.lastStoreFailureLog < 60_000) return;
    this.lastStoreFailureLog = now;
    this.logger.warn(`Rate-limit counters unavailable: ${(error as Error).message}`);
  }
}

/**
 * The budget of each API client, counted by the client the access guard admitted (so it runs after
 * it): many addresses of one client share it, and one address cannot spend another client's.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  private readonly refused;

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: ThrottlerStorage,
    @Inject(CLIENT_RATE_LIMIT) private readonly limitPerMinute: number,
    metrics: Metrics,
  ) {
    this.refused = metrics.counter('rate_limited_clients_total', 'API client requests refused with 429', []);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const client = context.switchToHttp().getRequest<{ apiClient?: { clientId: string; rateLimitPerMinute?: number | null } }>().apiClient;
    if (!client) return true;
    let record: ThrottlerStorageRecord;
    try {
      record = await this.store.increment(`client:${client.clientId}`, 60_000, client.rateLimitPerMinute ?? this.limitPerMinute, 60_000, 'client');
    } catch {
      return true;
    }
    if (!record.isBlocked) return true;
    this.refused.inc({});
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(record.timeToBlockExpire));
    throw new ThrottlerException();
  }
}
