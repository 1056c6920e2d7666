import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SettableClock, validateEnvironment } from '@app/core';
import { asRole, prepareDatabase } from '@app/database';
import { createApi } from '../../apps/api/src/http-app';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-bytes-long!';
/** A fixed data key (32 bytes, hex), so an app started on another app's database reads its encrypted data. */
export const TEST_DATA_KEY = '7e'.repeat(32);

export interface TestApp {
  app: NestFastifyApplication;
  http: () => request.Agent;
  /** The app's own connection: the least-privilege role. */
  db: DataSource;
  clock: SettableClock;
  /** The database as its owner (who migrated it): for what the app role may not do. */
  databaseUrl: string;
  close(): Promise<void>;
}

/** Runs SQL on the test app's database as its owner: schema changes and faults the app role may not make. */
export async function asOwner<T = unknown[]>(t: Pick<TestApp, 'databaseUrl'>, sql: string, parameters: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T;
  } finally {
    await client.end();
  }
}

/** The same database as the least-privilege app role the tests' apps connect as (global-setup.js creates it). */
export function appRoleUrl(databaseUrl: string): string {
  const role = process.env.REGISTRY_TEST_APP_ROLE;
  const password = process.env.REGISTRY_TEST_APP_PASSWORD;
  if (!role || !password) throw new Error('REGISTRY_TEST_APP_ROLE is not set: run the e2e tests through jest (global-setup.js)');
  return asRole(databaseUrl, role, password);
}

/** Runs SQL against the test server's maintenance database. */
export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const url = process.env.REGISTRY_TEST_ADMIN_URL;
  if (!url) throw new Error('REGISTRY_TEST_ADMIN_URL is not set: run the e2e tests through jest (global-setup.js)');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database migrated once per test run (the first test file to need it builds it, under a lock):
 * each test file's database is a copy of it, which takes a fraction of running every migration.
 * prepareDatabase still runs on each copy, as `npm start` does, and finds nothing left to apply.
 */
async function migratedTemplate(): Promise<string> {
  const template = process.env.REGISTRY_TEST_TEMPLATE;
  if (!template) throw new Error('REGISTRY_TEST_TEMPLATE is not set: run the e2e tests through jest (global-setup.js)');
  await withAdminClient(async (client) => {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
    try {
      const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (found.rowCount) return;
      await client.query(`CREATE DATABASE ${template}_building`);
      const url = new URL(process.env.REGISTRY_TEST_ADMIN_URL as string);
      url.pathname = `/${template}_building`;
      await prepareDatabase({ ownerUrl: url.toString(), appUrl: appRoleUrl(url.toString()) });
      // Renamed only once complete: a copy is never taken of a half-migrated database.
      await client.query(`ALTER DATABASE ${template}_building RENAME TO ${template}`);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]);
    }
  });
  return template;
}

/**
 * A fresh database with every migration applied, and the API on top of it, configured as in
 * production but with a settable clock and a fixed secret.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; clock?: SettableClock; logStream?: NodeJS.WritableStream; sharingDatabaseOf?: TestApp } = {},
): Promise<TestApp> {
  // A second API process on the database of a running one (which creates and drops it).
  const shared = options.sharingDatabaseOf;
  const name = shared ? new URL(shared.databaseUrl).pathname.slice(1) : `registry_test_${randomBytes(6).toString('hex')}`;
  if (!shared) {
    const template = await migratedTemplate();
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  }
  const adminUrl = new URL(process.env.REGISTRY_TEST_ADMIN_URL as string);
  adminUrl.pathname = `/${name}`;
  const databaseUrl = adminUrl.toString();
  const appUrl = appRoleUrl(databaseUrl);
  // As `npm start` does: migrate and grant as the owner, then serve as the app role.
  await prepareDatabase({ ownerUrl: databaseUrl, appUrl });
  const clock = options.clock ?? new SettableClock();
  const overrides = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_APP_URL: appUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    RUN_JOBS: 'false',
    DB_POOL_SIZE: '5',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'registry-test-data-')),
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '1000',
    // Counters in memory unless a test names a Redis (whose keys it then prefixes itself).
    REDIS_URL: '',
    ...options.env,
  };
  const env = validateEnvironment({ ...process.env, ...overrides });
  // With a log stream, the app logs as in production (pino JSON) into it; otherwise quietly.
  const app = await createApi({ env, clock, plainLogger: !options.logStream, logStream: options.logStream });
  const db = app.get(DataSource);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    // A refused start (e.g. a BACKUP_DIR others can read) must not leave its connections and listeners behind.
    await app.close().catch(() => undefined);
    if (!shared) await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    throw error;
  }
  return {
    app,
    http: () => request.agent(app.getHttpServer()),
    db,
    clock,
    databaseUrl,
    async close() {
      await app.close();
      if (!shared) await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
