import { ConfigurationError, validateEnvironment } from '@app/core';
import { createBackupContext, createDatabaseIfMissing, redact, resolveCliDatabase, RestoreService } from '@app/backup';

/** CLI output: what an operator reads (the lint rule keeps console.log out of the app). */
const say = (line: string) => process.stdout.write(`${line}\n`);

const USAGE = 'Usage: npm run restore -- <backup.dump> [--replace]\n  Restores into DATABASE_URL (created if missing) or the embedded database; --replace drops what is there first.';

/** `npm run restore -- <file> [--replace]`: restores a backup, runs pending migrations, checks the manifest. */
async function restore(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--replace');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length || files.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const env = validateEnvironment(process.env);
  const database = await resolveCliDatabase(env);
  if (env.DATABASE_URL && (await createDatabaseIfMissing(env.DATABASE_URL))) say(`Created the database ${redact(env.DATABASE_URL)}`);
  say(`Restoring ${files[0]} into ${database.description}`);
  const context = await createBackupContext(database.url);
  try {
    const report = await context.get(RestoreService).restore(files[0], { replace: args.includes('--replace') });
    say(`Restored in ${report.durationMs} ms with pg_restore ${report.pgRestore.major} (${report.pgRestore.source}: ${report.pgRestore.path})`);
    say(`Migrations applied after the restore: ${report.migrationsApplied.length ? report.migrationsApplied.join(', ') : 'none (the backup was up to date)'}`);
    for (const check of report.checks) say(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    say(report.ok ? 'The restore matches the manifest.' : 'The restore does NOT match the manifest.');
    return report.ok ? 0 : 1;
  } finally {
    await context.close();
    await database.stop();
  }
}

restore().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigurationError || error instanceof Error ? `Restore refused: ${error.message}` : error);
    process.exit(1);
  },
);
