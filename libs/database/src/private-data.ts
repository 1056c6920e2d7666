import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const OPEN_TO_OTHERS = 0o077;

/**
 * Creates `dir` with `mode`, or sets it to `mode`: an earlier version left DATA_DIR 0755, and it
 * holds the database, its passwords, the JWT secret and the backups. As root the mode is 0711, as
 * PostgreSQL's own user must pass through it. Only a directory this user owns is changed.
 */
export function ensurePrivateDirectory(dir: string, mode: number): void {
  mkdirSync(dir, { recursive: true, mode });
  const stat = statSync(dir);
  const owned = process.getuid === undefined || process.getuid() === stat.uid;
  if (owned && (stat.mode & 0o777) !== mode) chmodSync(dir, mode);
}

/** A secret kept in `file` (0600), generated on first use; one left readable by others is tightened. */
export function readOrCreateSecret(file: string, generate: () => string = randomSecret): string {
  if (existsSync(file)) {
    if (statSync(file).mode & OPEN_TO_OTHERS) chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const secret = generate();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
