import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { Environment, validateEnvironment } from './config/environment';

export interface CoreModuleOptions {
  /** Settings that win over process.env (tests use this to run apps side by side). */
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
    const environment: Environment = validateEnvironment({ ...process.env, ...options.env });
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
      providers: [AppConfig, { provide: Clock, useValue: options.clock ?? new Clock() }],
      exports: [AppConfig, Clock],
    };
  }
}
