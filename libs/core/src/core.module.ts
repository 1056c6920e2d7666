import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { Environment, validateEnvironment } from './config/environment';
import { Metrics } from './metrics/metrics';

export interface CoreModuleOptions {
  /**
   * The validated environment to use as it is. main.ts validates once, fills in what only start-up
   * knows (the embedded DATABASE_URL) and hands the result here: validating again would recompute
   * the defaults that depend on DATABASE_URL (RUN_JOBS, DEMO_SEED) as if the database were external.
   */
  environment?: Environment;
  /** Settings that win over process.env, validated here when no `environment` is given. */
  env?: Record<string, string | undefined>;
  /** Replaces the system clock (tests move "today"). */
  clock?: Clock;
}

/**
 * Configuration is validated once, here, and handed to ConfigModule as a loaded object:
 * process.env is neither read again nor written to, so several apps with different settings
 * can live in one process (the e2e tests do).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions = {}): DynamicModule {
    const environment: Environment = options.environment ?? validateEnvironment({ ...process.env, ...options.env });
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          skipProcessEnv: true,
          cache: true,
          load: [() => ({ ...environment })],
        }),
      ],
      providers: [AppConfig, { provide: Clock, useValue: options.clock ?? new Clock() }, Metrics],
      exports: [AppConfig, Clock, Metrics],
    };
  }
}
