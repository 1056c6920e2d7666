import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE } from './support/environment';

/** Stops the API this run started (its process group: node and the embedded PostgreSQL) and removes its data. */
export default async function globalTeardown() {
  if (!existsSync(STATE_FILE)) return;
  const { pid, dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; dataDir: string };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && alive(pid)) await new Promise((resolve) => setTimeout(resolve, 250));
  if (alive(pid)) process.kill(-pid, 'SIGKILL');
  if (!process.env.WEB_TEST_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
