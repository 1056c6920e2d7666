import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { ALL_MIGRATIONS } from '@app/migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  applicationName: string;
}

/** The one place TypeORM is configured; `synchronize` is off: the schema changes through migrations only. */
export function typeOrmOptions(settings: DatabaseSettings): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: settings.url,
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    migrations: ALL_MIGRATIONS,
    migrationsTransactionMode: 'each',
    // Extensions are the migrations' business (as the owner); the app's role may not create them.
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Failed queries are not logged here: their parameters can hold personal data and hashes.
    // Real faults reach the problem filter, which logs them once.
    logging: ['warn', 'migration'],
    // Without this TypeORM retries for 27 s at boot; we prefer to fail fast and let the supervisor restart.
    retryAttempts: 2,
    retryDelay: 1000,
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs * 2, 60_000),
      application_name: settings.applicationName,
    },
  };
}
