import { execSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE_FILE, repositoryRoot } from './support/environment';

/** The newest modification time under a directory (sources that would make the build stale). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => (name === 'node_modules' || name === 'e2e' ? max : Math.max(max, newest(join(path, name)))), 0);
}

function buildIfStale(root: string) {
  const api = join(root, 'dist/apps/api/src/main.js');
  const web = join(root, 'dist/web/index.html');
  const apiSources = Math.max(newest(join(root, 'libs')), newest(join(root, 'apps/api')), newest(join(root, 'migrations')));
  const webSources = Math.max(newest(join(root, 'apps/web/src')), newest(join(root, 'apps/web/index.html')), newest(join(root, 'apps/web/vite.config.ts')), newest(join(root, 'apps/web/public')));
  if (!existsSync(api) || statSync(api).mtimeMs < apiSources) execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
  if (!existsSync(web) || statSync(web).mtimeMs < webSources) execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}

async function waitForReady(url: string, child: { exitCode: number | null }, log: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API was not ready within 120 s; see ${log}`);
}

/** Builds when stale, then starts the built API (serving the built app) on a fresh embedded database. */
export default async function globalSetup() {
  const root = repositoryRoot();
  buildIfStale(root);
  const port = Number(process.env.WEB_TEST_PORT ?? 3640);
  const dataDir = mkdtempSync(join(process.env.WEB_TEST_TMP ?? tmpdir(), 'web-frontend-'));
  // As root, the embedded PostgreSQL runs as an unprivileged user that must enter the data directory.
  chmodSync(dataDir, 0o755);
  const log = join(dataDir, 'api.log');
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--max-old-space-size=256', 'dist/apps/api/src/main.js'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 6),
      DEMO_SEED: 'true',
      RUN_JOBS: 'false',
      LOG_LEVEL: 'warn',
      // Short-lived access tokens, so the silent refresh before expiry happens within a test.
      JWT_ACCESS_TTL_SECONDS: '75',
      RATE_LIMIT_LOGIN_PER_MINUTE: '60',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '600',
    },
  });
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, dataDir, log }));
  await waitForReady(`http://127.0.0.1:${port}`, child, log);
}
