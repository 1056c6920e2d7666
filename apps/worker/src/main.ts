import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, validateEnvironment } from '@app/core';
import { resolveDatabaseUrl, runMigrations } from '@app/database';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  const database = await resolveDatabaseUrl(env, (line) => new NestLogger('Worker').log(line));
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule.register({ ...env, DATABASE_URL: database.url }), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    await runMigrations(app.get(DataSource));
    await app.init();
    app.get(Logger).log('Agency Registry worker running its scheduled jobs');
    const stop = async () => {
      await app.close();
      await database.stop();
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
