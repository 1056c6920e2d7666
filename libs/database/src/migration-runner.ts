import { DataSource, Migration } from 'typeorm';

/** Any fixed number: it names the lock under which one process at a time migrates. */
const MIGRATION_LOCK_KEY = 7_310_042;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that several API or worker
 * copies starting together migrate once and the others wait for it.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
