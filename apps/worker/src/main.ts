// First of all: OpenTelemetry patches http and pg as they are loaded (see apps/api/src/tracing.ts).
import { startTracing, stopTracing } from '../../api/src/tracing';
startTracing('agency-registry-worker');

import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, Metrics, startMetricsServer, validateEnvironment } from '@app/core';
import { prepareDatabase, resolveDatabaseUrl } from '@app/database';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const log = new NestLogger('Worker');
  const database = await resolveDatabaseUrl(env, (line) => log.log(line));
  try {
    if (!database.appUrl) log.warn('DATABASE_APP_URL is not set: the worker connects as the owner of the schema (see the README, "Database roles")');
    await prepareDatabase({ ownerUrl: database.url, appUrl: database.appUrl, applicationName: 'agency-registry-worker-migrate' });
    const app = await NestFactory.createApplicationContext(WorkerModule.register({ ...env, DATABASE_URL: database.url, DATABASE_APP_URL: database.appUrl }), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await app.init();
    const metricsServer = env.WORKER_METRICS_PORT === undefined ? undefined : await startMetricsServer(app.get(Metrics), { port: env.WORKER_METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN });
    app.get(Logger).log(`Agency Registry worker running its scheduled jobs${metricsServer ? ` (metrics at :${env.WORKER_METRICS_PORT}/metrics)` : ''}`);
    const stop = async () => {
      metricsServer?.close();
      await app.close();
      await database.stop();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  } catch (error) {
    // An embedded PostgreSQL started above would otherwise outlive the failed start.
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
