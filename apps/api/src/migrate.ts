import { Logger } from '@nestjs/common';
import { validateEnvironment } from '@app/core';
import { prepareDatabase, resolveDatabaseUrl, roleOf } from '@app/database';

/**
 * `npm run migration:run`: applies pending migrations to DATABASE_URL (or the embedded database),
 * grants the app role of DATABASE_APP_URL its privileges, and exits.
 */
async function migrate(): Promise<void> {
  const log = new Logger('Migrate');
  const env = validateEnvironment(process.env);
  const database = await resolveDatabaseUrl(env, (line) => log.log(line));
  try {
    const applied = await prepareDatabase({ ownerUrl: database.url, appUrl: database.appUrl });
    log.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date');
    if (database.appUrl) log.log(`Granted the app role ${roleOf(database.appUrl)} its privileges`);
  } finally {
    await database.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
