import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { Client } from 'pg';
import { CoreModule, Environment } from '@app/core';
import { DatabaseModule, embeddedDatabaseUrl, embeddedSuperuserPassword, resolveDatabaseUrl, runningEmbeddedPostgresPort } from '@app/database';
import { BackupModule } from './backup.module';

const EMBEDDED_DATABASE = 'agency_registry';

export interface CliDatabase {
  url: string;
  /** How it was found, for the CLI's first line. */
  description: string;
  stop(): Promise<void>;
}

/**
 * The database `npm start` uses: DATABASE_URL; else the embedded PostgreSQL already running on
 * DATA_DIR (the API's, reused as it is); else that embedded PostgreSQL, started here as `npm start`
 * starts it and stopped afterwards.
 */
export async function resolveCliDatabase(env: Environment): Promise<CliDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, description: `DATABASE_URL (${redact(env.DATABASE_URL)})`, stop: async () => undefined };
  const port = runningEmbeddedPostgresPort(join(env.DATA_DIR, 'postgres'));
  if (port) {
    return { url: embeddedDatabaseUrl(port, EMBEDDED_DATABASE, embeddedSuperuserPassword(env.DATA_DIR)), description: `the embedded PostgreSQL already running on port ${port}`, stop: async () => undefined };
  }
  const started = await resolveDatabaseUrl(env, () => undefined);
  return { url: started.url, description: `the embedded PostgreSQL of ${env.DATA_DIR}, started on port ${env.EMBEDDED_PG_PORT}`, stop: started.stop };
}

/** Creates the database of `url` if the server has none by that name (a restore drill's target). */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

@Module({})
class BackupCliModule {
  static register(env: Record<string, string | undefined>): DynamicModule {
    return {
      module: BackupCliModule,
      imports: [CoreModule.forRoot({ env }), DatabaseModule.forRoot({ applicationName: 'agency-registry-backup', connectAs: 'owner' }), BackupModule],
    };
  }
}

/** The backup and restore services on `databaseUrl`, without HTTP or jobs. */
export function createBackupContext(databaseUrl: string, env: Record<string, string | undefined> = {}): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    BackupCliModule.register({ DB_POOL_SIZE: '3', DB_STATEMENT_TIMEOUT_MS: '600000', RUN_JOBS: 'false', ...env, DATABASE_URL: databaseUrl }),
    { logger: ['error', 'warn'] },
  );
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
