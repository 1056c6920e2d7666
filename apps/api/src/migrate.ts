import { Logger } from '@nestjs/common';
import { validateEnvironment } from '@app/core';
import { resolveDatabaseUrl, runMigrations, typeOrmOptions } from '@app/database';
import { DataSource, DataSourceOptions } from 'typeorm';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
async function migrate(): Promise<void> {
  const log = new Logger('Migrate');
  const env = validateEnvironment(process.env);
  const database = await resolveDatabaseUrl(env, (line) => log.log(line));
  const dataSource = new DataSource({
    ...(typeOrmOptions({ url: database.url, poolSize: 2, statementTimeoutMs: 0, applicationName: 'agency-registry-migrate' }) as DataSourceOptions),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    log.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date');
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
