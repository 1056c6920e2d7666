/** Anything that runs SQL: a QueryRunner inside the snapshot transaction, or a DataSource. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ServerInfo {
  name: string;
  serverVersion: string;
  serverVersionNum: number;
}

export async function serverInfo(db: Queryable): Promise<ServerInfo> {
  const [row] = (await db.query(
    `SELECT current_database() AS name, current_setting('server_version') AS "serverVersion", current_setting('server_version_num')::int AS "serverVersionNum"`,
  )) as ServerInfo[];
  return row;
}

/** Objects in the public schema: a database the registry has never used has none. */
export async function publicObjectCount(db: Queryable): Promise<number> {
  const [{ count }] = (await db.query(
    `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
  )) as { count: number }[];
  return count;
}

/** The row count of every table of the public schema, in one statement (so in one snapshot). */
export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const tables = (await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  )) as { name: string }[];
  if (tables.length === 0) return {};
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const rows = (await db.query(
    tables.map((_, i) => `SELECT $${i + 1}::text AS name, count(*)::bigint::text AS count FROM public.${ident(tables[i].name)}`).join(' UNION ALL '),
    tables.map((t) => t.name),
  )) as { name: string; count: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.count)]));
}

/** TypeORM's `migrations` table: how many have run and the newest. */
export async function migrationLevel(db: Queryable): Promise<{ applied: number; last: string | null }> {
  if (!(await tableExists(db, 'migrations'))) return { applied: 0, last: null };
  const [row] = (await db.query(
    `SELECT count(*)::int AS applied, (SELECT name FROM migrations ORDER BY timestamp DESC, id DESC LIMIT 1) AS last FROM migrations`,
  )) as { applied: number; last: string | null }[];
  return row;
}

async function tableExists(db: Queryable, name: string): Promise<boolean> {
  const [{ found }] = (await db.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public.${name}`])) as { found: boolean }[];
  return found;
}
