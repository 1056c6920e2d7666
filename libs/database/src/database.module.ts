import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { typeOrmOptions } from './database-options';
import { PoolMetrics } from './pool-metrics';
import { ReadReplicas } from './read-replicas';
import { RecentWriters } from './recent-writers';

export interface DatabaseModuleOptions {
  /** Shown in pg_stat_activity, to tell the API's connections from the worker's. */
  applicationName: string;
  /**
   * 'app' (the API and the worker): DATABASE_APP_URL, the least-privilege role, when set.
   * 'owner' (backup and restore): DATABASE_URL.
   */
  connectAs?: 'app' | 'owner';
}

/** The TypeORM connection. Migrations are applied by the app's start-up (see runMigrations), before it serves. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      // ReadReplicas is for every domain's lag-tolerant reads, as the DataSource is.
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const url = options.connectAs === 'owner' ? config.get('DATABASE_URL') : config.appDatabaseUrl;
            if (!url) throw new Error('DATABASE_URL is not set: the embedded PostgreSQL must be started before the app');
            return typeOrmOptions({
              url,
              poolSize: config.get('DB_POOL_SIZE'),
              statementTimeoutMs: config.get('DB_STATEMENT_TIMEOUT_MS'),
              applicationName: options.applicationName,
            });
          },
        }),
      ],
      providers: [PoolMetrics, RecentWriters, ReadReplicas],
      exports: [ReadReplicas],
    };
  }
}
