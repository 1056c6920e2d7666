import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What `npm run backup` writes beside each dump, and what a restore checks against. */
export interface BackupManifest {
  format: 'agency-registry-backup/1';
  /** The dump's file name, in the same directory. */
  file: string;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
  durationMs: number;
  database: { name: string; serverVersion: string; serverVersionNum: number };
  pgDump: { path: string; major: number; source: string };
  /** Every table of the public schema, counted in the snapshot pg_dump dumped. */
  tables: Record<string, number>;
  audit: { lastSeq: string; lastHash: string } | null;
  migrations: { applied: number; last: string | null };
}

const NAME = /^agency-registry-(\d{8}T\d{6}Z)\.dump$/;

/** `agency-registry-20261130T013000Z`: sorts by time, and is the same in every time zone. */
export function backupBaseName(at: Date): string {
  return `agency-registry-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`;
}

export function manifestPathOf(dumpPath: string): string {
  return dumpPath.replace(/\.dump$/, '') + '.manifest.json';
}

export function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function readManifest(dumpPath: string): BackupManifest {
  const path = manifestPathOf(dumpPath);
  if (!existsSync(path)) throw new Error(`No manifest beside ${dumpPath} (expected ${path}): without it the restore cannot be checked`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new Error(`The manifest ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (manifest.format !== 'agency-registry-backup/1' || typeof manifest.sha256 !== 'string' || typeof manifest.tables !== 'object') {
    throw new Error(`${path} is not an Agency Registry backup manifest`);
  }
  if (manifest.file !== basename(dumpPath)) throw new Error(`The manifest ${path} describes ${manifest.file}, not ${basename(dumpPath)}`);
  return manifest;
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Deletes all but the newest `keep` backups (dump and manifest); returns the dumps deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const doomed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const dump of doomed) {
    unlinkSync(dump);
    if (existsSync(manifestPathOf(dump))) unlinkSync(manifestPathOf(dump));
  }
  return doomed;
}
