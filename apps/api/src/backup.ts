import { ConfigurationError, validateEnvironment } from '@app/core';
import { BackupService, createBackupContext, resolveCliDatabase } from '@app/backup';

/** CLI output: what an operator reads (the lint rule keeps console.log out of the app). */
const say = (line: string) => process.stdout.write(`${line}\n`);

/** `npm run backup`: one backup of the database `npm start` uses, to BACKUP_DIR. */
async function backup(): Promise<void> {
  const env = validateEnvironment(process.env);
  const database = await resolveCliDatabase(env);
  say(`Backing up ${database.description}`);
  const retention = { BACKUP_KEEP: String(env.BACKUP_KEEP), BACKUP_KEEP_DAYS: String(env.BACKUP_KEEP_DAYS) };
  const context = await createBackupContext(database.url, env.BACKUP_DIR ? { BACKUP_DIR: env.BACKUP_DIR, ...retention } : retention);
  try {
    const { dumpPath, manifestPath, manifest, pruned } = await context.get(BackupService).backup();
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    say(`Wrote ${dumpPath} (${manifest.sizeBytes} bytes, sha256 ${manifest.sha256}) in ${manifest.durationMs} ms`);
    say(`  with ${pg(manifest.pgDump.path, manifest.pgDump.major, manifest.pgDump.source)} from PostgreSQL ${manifest.database.serverVersion}`);
    say(`  manifest ${manifestPath}: ${Object.keys(manifest.tables).length} tables, ${rows} rows; audit chain head seq ${manifest.audit?.lastSeq ?? 'none'} ${manifest.audit?.lastHash ?? ''}; migrations ${manifest.migrations.applied} (last ${manifest.migrations.last})`);
    if (pruned.length) say(`  deleted ${pruned.length} older backup(s), keeping the newest ${env.BACKUP_KEEP}, those of the last ${env.BACKUP_KEEP_DAYS} days and one a week for 13 weeks: ${pruned.join(', ')}`);
  } finally {
    await context.close();
    await database.stop();
  }
}

function pg(path: string, major: number, source: string): string {
  return `pg_dump ${major} (${source}: ${path})`;
}

backup().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError || error instanceof Error ? `Backup failed: ${error.message}` : error);
  process.exit(1);
});
