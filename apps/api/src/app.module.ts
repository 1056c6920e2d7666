import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard, AccessModule } from '@app/access';
import { SignInRequestsGuard } from '@app/auth';
import {
  AppConfig,
  CoreModule,
  CoreModuleOptions,
  createValidationPipe,
  ProblemDetailsFilter,
  RateLimitGuard,
  RateLimitModule,
  UserRateLimitGuard,
} from '@app/core';
import { DatabaseModule } from '@app/database';
import { DomainsModule } from '@app/domains';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { loggerParams } from './logger';

/**
 * The HTTP API: the domains (DomainsModule, the worker's list too) behind cross-cutting
 * behaviour registered once, globally.
 */
@Module({})
export class AppModule {
  static register(options: CoreModuleOptions & { logStream?: NodeJS.WritableStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => loggerParams(config, options.logStream) }),
        RateLimitModule.forRoot(),
        DatabaseModule.forRoot({ applicationName: 'agency-registry-api' }),
        AccessModule,
        DomainsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        // Guards run in this order: rate limit first, so refused callers cost nothing more.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        // Per-user budgets (PDFs) need the user the access guard found.
        { provide: APP_GUARD, useExisting: UserRateLimitGuard },
        // Sign-in routes: JSON only, from the registry's own pages (login CSRF).
        { provide: APP_GUARD, useClass: SignInRequestsGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
