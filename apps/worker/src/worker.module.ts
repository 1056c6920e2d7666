import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, Environment } from '@app/core';
import { DatabaseModule } from '@app/database';
import { DomainsModule } from '@app/domains';
import { traceLogMixin } from '../../api/src/tracing';

/**
 * The scheduled jobs, without HTTP. Production runs it alone; `npm start` runs the jobs in the API
 * process. It always runs its jobs (RUN_JOBS forced on): running them is all it is for. Its jobs
 * are the `@ScheduledJob`s of DomainsModule, the same modules the API imports.
 */
@Module({})
export class WorkerModule {
  /**
   * Built from the environment main.ts validated and completed (the embedded DATABASE_URL is known
   * only after start-up), not from process.env at import time.
   */
  static register(environment: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({ environment: { ...environment, RUN_JOBS: true } }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.get('LOG_LEVEL'), mixin: traceLogMixin() } }),
        }),
        DatabaseModule.forRoot({ applicationName: 'agency-registry-worker' }),
        DomainsModule,
      ],
    };
  }
}
