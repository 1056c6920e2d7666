/** Anything that runs SQL: a QueryRunner inside a snapshot transaction, or a DataSource. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The newest link of the audit chain, or null when the trail is empty or (in a database the
 * registry has never migrated) absent. Backups record it and restores check it.
 */
export async function auditHead(db: Queryable): Promise<{ lastSeq: string; lastHash: string } | null> {
  const [{ present }] = (await db.query(`SELECT to_regclass('public.audit_events') IS NOT NULL AS present`)) as { present: boolean }[];
  if (!present) return null;
  const [row] = (await db.query(`SELECT seq::text AS "lastSeq", hash AS "lastHash" FROM audit_events ORDER BY seq DESC LIMIT 1`)) as { lastSeq: string; lastHash: string }[];
  return row ?? null;
}

/** The hash of the audit event `seq`, or null when there is none. */
export async function auditHashAt(db: Queryable, seq: string): Promise<string | null> {
  const [row] = (await db.query(`SELECT hash FROM audit_events WHERE seq = $1`, [seq])) as { hash: string }[];
  return row?.hash ?? null;
}
