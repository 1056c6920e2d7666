import { Environment } from '@app/core';
import { startEmbeddedPostgres } from './embedded-postgres';
import { join } from 'node:path';

/**
 * The database the app will use: DATABASE_URL when set, else an embedded PostgreSQL with its
 * data under DATA_DIR/postgres, started here and stopped with the process (one left running by a
 * process that died is stopped first: see stopOrphanedPostgres).
 */
export async function resolveDatabaseUrl(env: Environment, log: (line: string) => void): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  log(`Starting embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${join(env.DATA_DIR, 'postgres')})`);
  const handle = await startEmbeddedPostgres({
    dataDir: join(env.DATA_DIR, 'postgres'),
    port: env.EMBEDDED_PG_PORT,
    database: 'agency_registry',
    notice: log,
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
