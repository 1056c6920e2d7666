import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { AppConfig, CoreModule } from '@app/core';
import { DatabaseModule } from '@app/database';

/** The scheduled jobs, without HTTP. Production runs it alone; `npm start` runs the jobs in the API process. */
@Module({
  imports: [
    CoreModule.forRoot(),
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.get('LOG_LEVEL') } }),
    }),
    DatabaseModule.forRoot({ applicationName: 'agency-registry-worker' }),
    ScheduleModule.forRoot(),
    AuditModule,
  ],
})
export class WorkerModule {}
