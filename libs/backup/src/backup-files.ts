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

/** Which backups survive pruning; see BACKUP_KEEP and BACKUP_KEEP_DAYS. */
export interface RetentionPolicy {
  /** The newest this many, whatever their age. */
  keep: number;
  /** Every backup younger than this many days. */
  keepDays: number;
  /** The newest backup of each of this many weeks back: a quarter of weekly history. */
  weeks?: number;
}

export const WEEKLY_HISTORY_WEEKS = 13;
const DAY_MS = 86_400_000;

/** When a backup was taken, from its name; undefined for a name that is not a backup's. */
export function backupTime(dumpPath: string): Date | undefined {
  const match = NAME.exec(basename(dumpPath));
  if (!match) return undefined;
  const t = match[1];
  return new Date(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`);
}

/**
 * The backups `policy` keeps at `now`: by count and by age, so that a burst of backups (by hand,
 * or a job in a loop) cannot push the older history out.
 */
export function retainedBackups(backups: string[], policy: RetentionPolicy, now: Date): Set<string> {
  const kept = new Set(backups.slice(Math.max(0, backups.length - policy.keep)));
  const newestOfWeek = new Map<number, string>();
  for (const dump of backups) {
    const age = now.getTime() - (backupTime(dump)?.getTime() ?? 0);
    if (age < policy.keepDays * DAY_MS) kept.add(dump);
    const week = Math.floor(Math.max(0, age) / (7 * DAY_MS));
    // Oldest first, so the last one seen in a week is its newest.
    if (week < (policy.weeks ?? WEEKLY_HISTORY_WEEKS)) newestOfWeek.set(week, dump);
  }
  for (const dump of newestOfWeek.values()) kept.add(dump);
  return kept;
}

/** Deletes the backups (dump and manifest) `policy` does not keep at `now`; returns the dumps deleted. */
export function pruneBackups(dir: string, policy: RetentionPolicy, now: Date): string[] {
  const backups = listBackups(dir);
  const kept = retainedBackups(backups, policy, now);
  const doomed = backups.filter((dump) => !kept.has(dump));
  for (const dump of doomed) {
    unlinkSync(dump);
    if (existsSync(manifestPathOf(dump))) unlinkSync(manifestPathOf(dump));
  }
  return doomed;
}
