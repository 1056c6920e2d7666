import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Backups hold complainants' names and phone numbers and password and token hashes: no other local user may read them. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const OPEN_TO_OTHERS = 0o077;
const STICKY = 0o1000;

export class BackupDirectoryError extends Error {}

const modeOf = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

/**
 * Creates BACKUP_DIR private (0700), and tightens one an earlier version left open together with
 * the backups in it (0600). Only a directory this user owns is changed, and never a shared one
 * (sticky, like /tmp): someone else's directory is reported, not taken over.
 */
export function tightenBackupDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = statSync(dir);
  if (ownedByMe(stat.uid) && !(stat.mode & STICKY) && stat.mode & OPEN_TO_OTHERS) chmodSync(dir, PRIVATE_DIR_MODE);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const file = statSync(path);
    if (file.isFile() && ownedByMe(file.uid) && file.mode & OPEN_TO_OTHERS) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

/** Refuses a BACKUP_DIR that other users can read or enter, with what to do about it. */
export function assertPrivateBackupDirectory(dir: string): void {
  if (!existsSync(dir)) return;
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw new BackupDirectoryError(`BACKUP_DIR ${dir} is not a directory`);
  if (stat.mode & OPEN_TO_OTHERS) {
    throw new BackupDirectoryError(
      `BACKUP_DIR ${dir} is open to other users (mode ${modeOf(stat.mode)}, owner uid ${stat.uid}); backups hold personal data and password hashes. ` +
        `Give the registry a directory of its own: chown <the registry's user> ${dir} && chmod 700 ${dir}`,
    );
  }
}

/** BACKUP_DIR as start-up leaves it: private, or the start refused. */
export function prepareBackupDirectory(dir: string): void {
  try {
    tightenBackupDirectory(dir);
  } catch (error) {
    throw new BackupDirectoryError(`Cannot use the backup directory ${dir}: ${(error as Error).message}`);
  }
  assertPrivateBackupDirectory(dir);
}

function ownedByMe(uid: number): boolean {
  return process.getuid === undefined || process.getuid() === uid;
}
