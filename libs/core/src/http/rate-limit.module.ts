import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MemoryWindowCounters } from './memory-window-counters';
import { rateLimitBudgets } from './rate-limit';
import { CLIENT_RATE_LIMIT, ClientRateLimitGuard, RATE_LIMIT_BUDGETS, RATE_LIMIT_STORE, RateLimitGuard } from './rate-limit.guard';
import { RedisWindowCounters } from './redis-window-counters';
import { UserRateLimitGuard } from './user-rate-limit.guard';

/**
 * Per-IP rate limits. Counters live in Redis when REDIS_URL is set (shared by every API
 * process), in this process's memory otherwise. Register RateLimitGuard as a global guard.
 */
@Module({})
export class RateLimitModule {
  static forRoot(): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RATE_LIMIT_BUDGETS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            rateLimitBudgets({
              RATE_LIMIT_DEFAULT_PER_MINUTE: config.get('RATE_LIMIT_DEFAULT_PER_MINUTE'),
              RATE_LIMIT_LOGIN_PER_MINUTE: config.get('RATE_LIMIT_LOGIN_PER_MINUTE'),
              RATE_LIMIT_PUBLIC_PER_MINUTE: config.get('RATE_LIMIT_PUBLIC_PER_MINUTE'),
              RATE_LIMIT_DATASETS_PER_MINUTE: config.get('RATE_LIMIT_DATASETS_PER_MINUTE'),
            }),
        },
        {
          provide: RATE_LIMIT_STORE,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const url = config.get('REDIS_URL');
            return url ? new RedisWindowCounters(url, config.get('RATE_LIMIT_KEY_PREFIX')) : new MemoryWindowCounters();
          },
        },
        { provide: CLIENT_RATE_LIMIT, inject: [AppConfig], useFactory: (config: AppConfig) => config.get('RATE_LIMIT_CLIENT_PER_MINUTE') },
        RateLimitGuard,
        UserRateLimitGuard,
        ClientRateLimitGuard,
      ],
      exports: [RateLimitGuard, UserRateLimitGuard, ClientRateLimitGuard],
    };
  }
}
