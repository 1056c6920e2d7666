import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long a fast shutdown may take before PostgreSQL is told to stop at once (it then recovers from WAL at start). */
const FAST_SHUTDOWN_MS = 60_000;
const IMMEDIATE_SHUTDOWN_MS = 15_000;

/** The file beside the data directory naming the process that started its server. */
export function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster running on the data directory, from its postmaster.pid; undefined when none runs. */
export function runningPostmaster(dataDir: string): { pid: number; port: number | undefined } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!Number(pid) || !isAlive(Number(pid))) return undefined;
  return { pid: Number(pid), port: Number(port) || undefined };
}

/** The parent of a process (from /proc on Linux, else ps); undefined when it cannot be told. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
}

/** Records this process as the one that started the server on the data directory. */
export function recordOwner(dataDir: string): void {
  writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
}

export function clearOwner(dataDir: string): void {
  rmSync(ownerFile(dataDir), { force: true });
}

/**
 * A registry process that dies without stopping its embedded PostgreSQL (kill -9, out of memory,
 * a power cut of the container but not the volume) leaves the server running with no owner, and
 * the next start would fail on its lock. A server still run by its starter (its parent is the
 * process recorded as owner, alive) is in use: starting is refused. An orphan is stopped cleanly
 * with SIGINT, PostgreSQL's fast shutdown (what `pg_ctl stop -m fast` sends), so that this process
 * can start it as its own; SIGQUIT if it does not stop in a minute.
 */
export async function stopOrphanedPostgres(dataDir: string, log: (line: string) => void): Promise<void> {
  const running = runningPostmaster(dataDir);
  if (!running) return;
  const owner = existsSync(ownerFile(dataDir)) ? Number(readFileSync(ownerFile(dataDir), 'utf8').trim()) : undefined;
  const parent = parentOf(running.pid);
  const ownerRunsIt = !!owner && owner !== process.pid && isAlive(owner) && (parent === undefined || parent === owner);
  if (ownerRunsIt) {
    throw new Error(`The embedded PostgreSQL on ${dataDir} is in use by process ${owner}: stop that process first, or use another DATA_DIR`);
  }
  log(`Stopping the embedded PostgreSQL (pid ${running.pid}) left running on ${dataDir} by a process that died${owner ? ` (pid ${owner})` : ''}`);
  process.kill(running.pid, 'SIGINT');
  if (await exited(running.pid, FAST_SHUTDOWN_MS)) return;
  log(`PostgreSQL (pid ${running.pid}) did not finish a fast shutdown in ${FAST_SHUTDOWN_MS / 1000} s: stopping it immediately`);
  process.kill(running.pid, 'SIGQUIT');
  if (!(await exited(running.pid, IMMEDIATE_SHUTDOWN_MS))) throw new Error(`The orphaned PostgreSQL (pid ${running.pid}) on ${dataDir} does not stop`);
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}
