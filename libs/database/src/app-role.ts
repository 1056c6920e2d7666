import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, Migration } from 'typeorm';
import { typeOrmOptions } from './database-options';
import { runMigrations } from './migration-runner';
import { readOrCreateSecret } from './private-data';

/** The least-privilege role the app connects as on the embedded PostgreSQL. */
export const EMBEDDED_APP_ROLE = 'registry_app';

/** The app role's password on the embedded PostgreSQL, generated once into DATA_DIR (like the development JWT secret). */
export function embeddedAppPassword(dataDir: string): string {
  return readOrCreateSecret(join(resolve(dataDir), 'db-app-password'));
}

/** The same server and database as `url`, as another role. */
export function asRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Creates the role if the server has none by that name, else sets its password; never any of the powers it must not have. */
export async function ensureLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = found.rowCount ? 'ALTER' : 'CREATE';
    await client.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`);
  } finally {
    await client.end();
  }
}

/**
 * What the app role may do in the database, granted again after every migration so that new
 * tables are covered: read and write rows, never change the schema; the audit trail only
 * INSERT and SELECT (its triggers refuse UPDATE, DELETE and TRUNCATE even to the owner, and this
 * takes the privilege away as well); the migrations table only read (backups record the level).
 */
export async function grantAppRole(dataSource: DataSource, role: string): Promise<void> {
  const who = ident(role);
  await dataSource.transaction(async (manager) => {
    const [{ database }] = (await manager.query('SELECT current_database() AS database')) as { database: string }[];
    await manager.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${who}`);
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
    await manager.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${who}`);
    // The reserve-fund ledger is append-only too (its triggers refuse changes; so does the grant).
    await manager.query(`REVOKE UPDATE, DELETE, TRUNCATE ON reserve_fund_entries FROM ${who}`);
    await manager.query(`REVOKE UPDATE, DELETE, TRUNCATE ON reserve_fund_verifications FROM ${who}`);
    await manager.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${who}`);
    // The events feed: rows are added and numbered once (its trigger allows no other UPDATE), never removed.
    await manager.query(`REVOKE DELETE, TRUNCATE ON events FROM ${who}`);
    await manager.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
  });
}

/** Refuses an app role with powers it must not have: it is there to limit what a compromised app can do. */
async function assertLeastPrivilege(dataSource: DataSource, role: string): Promise<void> {
  const rows = (await dataSource.query(
    `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  )) as { rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean; owned: number }[];
  if (rows.length === 0) throw new Error(`The app role ${role} of DATABASE_APP_URL does not exist: create it (see the README, "Database roles")`);
  const [r] = rows;
  const powers = [r.rolsuper && 'SUPERUSER', r.rolcreatedb && 'CREATEDB', r.rolcreaterole && 'CREATEROLE', r.rolbypassrls && 'BYPASSRLS', r.owned > 0 && `owns ${r.owned} relations`].filter(Boolean);
  if (powers.length > 0) throw new Error(`The app role ${role} must be least-privilege, but has: ${powers.join(', ')}`);
}

export interface DatabasePreparation {
  /** The owner of the schema (DATABASE_URL): migrates and grants. */
  ownerUrl: string;
  /** The least-privilege role the app will connect as; none: the app connects as the owner. */
  appUrl?: string;
  applicationName?: string;
}

/** Applies pending migrations as the owner, then grants the app role its privileges; closes its connection. */
export async function prepareDatabase(options: DatabasePreparation): Promise<Migration[]> {
  const dataSource = new DataSource({
    ...(typeOrmOptions({ url: options.ownerUrl, poolSize: 2, statementTimeoutMs: 0, applicationName: options.applicationName ?? 'agency-registry-migrate' }) as DataSourceOptions),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (options.appUrl && roleOf(options.appUrl) !== roleOf(options.ownerUrl)) {
      const role = roleOf(options.appUrl);
      await assertLeastPrivilege(dataSource, role);
      await grantAppRole(dataSource, role);
    }
    return applied;
  } finally {
    await dataSource.destroy();
  }
}
