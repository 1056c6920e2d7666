import { Environment } from '@app/core';
import { asRole, EMBEDDED_APP_ROLE, embeddedAppPassword, ensureLoginRole } from './app-role';
import { startEmbeddedPostgres } from './embedded-postgres';
import { join } from 'node:path';

export interface ResolvedDatabase {
  /** As the owner of the schema: migrations, grants, backups. */
  url: string;
  /** As the least-privilege app role (embedded: created here), when there is one. */
  appUrl: string | undefined;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * The database the app will use: DATABASE_URL when set, else an embedded PostgreSQL with its
 * data under DATA_DIR/postgres, started here and stopped with the process (one left running by a
 * process that died is stopped first: see stopOrphanedPostgres).
 */
export async function resolveDatabaseUrl(env: Environment, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, appUrl: env.DATABASE_APP_URL, embedded: false, stop: async () => undefined };
  log(`Starting embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${join(env.DATA_DIR, 'postgres')})`);
  const handle = await startEmbeddedPostgres({
    dataDir: join(env.DATA_DIR, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    database: 'agency_registry',
    notice: log,
  });
  const password = embeddedAppPassword(env.DATA_DIR);
  await ensureLoginRole(handle.url, EMBEDDED_APP_ROLE, password);
  return { url: handle.url, appUrl: asRole(handle.url, EMBEDDED_APP_ROLE, password), embedded: true, stop: handle.stop };
}
