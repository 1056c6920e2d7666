import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Builds dist/ when it is missing or older than the sources, exactly as `npm start` does first. */
export function buildIfNeeded(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT, stdio: 'inherit' });
}

/** A port nobody listens on right now (the kernel's pick, outside the fixed ranges people use). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BuiltAppProcess {
  child: ChildProcess;
  /** Its DATA_DIR (the embedded database's passwords are generated there). */
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGTERM, then the exit code; removes the data directory. */
  stop(): Promise<number | null>;
}

/**
 * Starts a built entry point (`dist/apps/api/src/main.js` or the worker's) the way `npm start`
 * does: `node --max-old-space-size=192 <entry>` with no DATABASE_URL, so it starts its own
 * embedded PostgreSQL under a fresh DATA_DIR. `env` adds settings (ports, cron overrides).
 */
export function startBuiltApp(entry: string, env: Record<string, string>): BuiltAppProcess {
  const parent = mkdtempSync(join(tmpdir(), 'registry-built-app-'));
  // As root, PostgreSQL runs as another user, which must be able to enter the data directory's parents.
  chmodSync(parent, 0o755);
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'REGISTRY_TEST_ADMIN_URL', 'NODE_ENV', 'RUN_JOBS', 'DEMO_SEED', 'JWT_SECRET']) delete inherited[name];
  const child = spawn(process.execPath, ['--max-old-space-size=192', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...inherited, DATA_DIR: join(parent, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    dataDir: env.DATA_DIR ?? join(parent, 'data'),
    output: () => output,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          finish();
          resolve();
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No ${pattern} in ${timeoutMs} ms; the process wrote:\n${output.slice(-4000)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          finish();
          reject(new Error(`The process exited before writing ${pattern}:\n${output.slice(-4000)}`));
        });
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(parent, { recursive: true, force: true });
      return code;
    },
  };
}
