// First of all: OpenTelemetry patches http and pg as they are loaded (see tracing.ts).
import { startTracing, stopTracing } from './tracing';
startTracing('agency-registry-api');

import { Logger } from '@nestjs/common';
import { ConfigurationError, Metrics, startMetricsServer, validateEnvironment } from '@app/core';
import { prepareDatabase, resolveDatabaseUrl } from '@app/database';
import { seedDemoData } from './demo/demo-seed';
import { createApi } from './http-app';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const log = new Logger('Main');
  const env = validateEnvironment(process.env);
  const database = await resolveDatabaseUrl(env, (line) => log.log(line));
  try {
    if (!database.appUrl) log.warn('DATABASE_APP_URL is not set: the API connects as the owner of the schema (see the README, "Database roles")');
    // Migrations and the app role's grants run as the owner; the app then connects as the app role.
    await prepareDatabase({ ownerUrl: database.url, appUrl: database.appUrl });
    // The app runs on exactly this environment: RUN_JOBS and DEMO_SEED keep their embedded-mode defaults.
    const app = await createApi({ env: { ...env, DATABASE_URL: database.url, DATABASE_APP_URL: database.appUrl } });
    // Initialised before the seed, so that every module's onModuleInit has registered its hooks
    // (licence-approval hooks, risk sources, referral handlers) when the demo data goes through them.
    await app.init();
    if (env.DEMO_SEED) await seedDemoData(app, log);
    await app.listen({ port: env.PORT, host: env.HOST });
    // Under start:cluster every API process listens on it too (node:cluster shares the port): a scrape reads one process.
    const metricsServer = env.METRICS_PORT === undefined ? undefined : await startMetricsServer(app.get(Metrics), { port: env.METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN });
    const address = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
    log.log(`Agency Registry API ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${address} (OpenAPI at ${address}/api/docs)`);

    const stop = async (signal: string) => {
      log.log(`${signal}: finishing in-flight requests and shutting down`);
      metricsServer?.close();
      await app.close();
      await database.stop();
      await stopTracing();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    // An embedded PostgreSQL started above would otherwise outlive the failed start.
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
