import * as argon2 from 'argon2';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedDatabaseUrl, embeddedSuperuserPassword } from '@app/database';
import { PASSWORD } from './support/fixtures';

const ROOT = join(__dirname, '..');
const START_TIMEOUT_MS = 120_000;

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The API started as `npm start` starts it (the build output, embedded
 * PostgreSQL under DATA_DIR) killed with SIGKILL leaves its PostgreSQL running with no owner; the
 * next start stops that server cleanly, starts its own and serves the same data.
 */
describe('a crash of the API does not leave the service dead: the next start takes over the orphaned PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-crash-'));
  const children: ChildProcess[] = [];
  let port: number;
  let pgPort: number;

  beforeAll(async () => {
    // As root, PostgreSQL runs as an unprivileged user that must be able to enter the data directory.
    chmodSync(dataDir, 0o755);
    [port, pgPort] = [await freePort(), await freePort()];
    // What `npm start` runs first: build when dist/ is missing or stale.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT, stdio: 'ignore' });
  }, 300_000);

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** `npm start`'s command, on this test's ports and data directory, without the demo set. */
  function start(apiPort = port): { child: ChildProcess; output: () => string } {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(DATABASE_URL|TEST_DATABASE_URL|REGISTRY_TEST_|JWT_SECRET|NODE_ENV)/.test(key)) env[key] = value;
    }
    const child = spawn(process.execPath, ['--max-old-space-size=192', 'dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DEMO_SEED: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    children.push(child);
    return { child, output: () => output };
  }

  async function ready(child: ChildProcess, output: () => string): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${output()}`);
      const answer = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (answer?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the API was not ready in ${START_TIMEOUT_MS / 1000} s: ${output()}`);
  }

  const api = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  const signIn = async () => ((await (await api('/api/auth/login', { method: 'POST', body: { username: 'crash-admin', password: PASSWORD } })).json()) as { accessToken: string }).accessToken;
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  it('comes up again on the same data after kill -9, stopping the PostgreSQL the dead process left running', async () => {
    const first = start();
    await ready(first.child, first.output);
    // An administrator written straight to the database (no demo set), then a user created through the API.
    const db = new Client({ connectionString: embeddedDatabaseUrl(pgPort, 'agency_registry', embeddedSuperuserPassword(dataDir)) });
    await db.connect();
    try {
      const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      await db.query(`INSERT INTO users (username, display_name, password_hash, role) VALUES ('crash-admin', 'Crash Admin', $1, 'system_admin')`, [hash]);
      // The embedded default serves as its least-privilege role, whose password was generated into DATA_DIR.
      const sessions = await db.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'agency-registry-api'`);
      expect(sessions.rows).toEqual([{ usename: 'registry_app' }]);
      expect(statSync(join(dataDir, 'db-app-password')).mode & 0o777).toBe(0o600);
    } finally {
      await db.end();
    }
    const created = await api('/api/users', { method: 'POST', token: await signIn(), body: { username: 'written-before-kill', displayName: 'Before the kill', password: 'tidal ferry lantern ochre', role: 'system_admin' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(isAlive(orphan)).toBe(true);

    const second = start();
    await ready(second.child, second.output);
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(second.output()).toMatch(/Stopping the embedded PostgreSQL \(pid \d+\) left running/);
    const read = await api(`/api/users/${id}`, { token: await signIn() });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ username: 'written-before-kill' });
    // Two starts of a real process and its PostgreSQL: seconds alone, more while CI runs the browser suite beside it.
  }, 180_000);

  it('refuses to start on a data directory whose PostgreSQL a live registry process runs, and leaves that one serving', async () => {
    const other = start(await freePort());
    const code = await new Promise<number | null>((resolve) => other.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(other.output()).toMatch(/is in use by process \d+/);
    expect((await api('/health/ready')).status).toBe(200);
  }, 180_000);
});
