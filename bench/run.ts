/**
 * `npm run bench`: the benchmarks of the registry, each beside its baseline, printed as a table
 * and written to bench/results/<timestamp>.json. Runs against the embedded benchmark database
 * (generating the data set first if it is missing), or BENCH_DATABASE_URL.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openBenchDatabase, withClient } from './lib/bench-database';
import { Figure, printTable } from './lib/report';
import { BENCH_METRICS_TOKEN, BenchContext, SCENARIOS } from './lib/scenarios';
import { startServer } from './lib/processes';
import { scaleOut } from './lib/scale-out';
import { BENCH_PASSWORD, generate } from './generate-data';

const API_PORT = Number(process.env.BENCH_API_PORT ?? 4100);
const RAW_PORT = Number(process.env.BENCH_RAW_PORT ?? 4101);
const CLUSTER_PORT = Number(process.env.BENCH_CLUSTER_PORT ?? 4102);
const JWT_SECRET = 'benchmark-secret-benchmark-secret-benchmark';
/** The heap flags of `npm start` (package.json), unless BENCH_NODE_FLAGS says otherwise. */
const START_HEAP_FLAGS = '--max-old-space-size=192';

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const [{ n }] = await withClient(database.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'licences'`)).rows as { n: number }[]);
    const [{ licences }] = n
      ? await withClient(database.url, async (c) => (await c.query(`SELECT count(*)::int AS licences FROM licences`)).rows as { licences: number }[])
      : [{ licences: 0 }];
    if (licences < 200_000 || process.env.BENCH_REGENERATE) {
      console.log('Generating the benchmark data set...');
      await generate(database.url);
    }
    // New migrations (and their backfills) are applied here, not in the API's start-up wait.
    await migrate(database.url);
    const pool = process.env.BENCH_DB_POOL_SIZE ?? '20';
    // The same heap cap as npm start: V8 otherwise grows the heap long before it needs to.
    const apiEnv = {
      NODE_ENV: 'production',
      // As behind the TLS proxy production requires (the benchmark talks plain HTTP to the API itself).
      PUBLIC_BASE_URL: 'https://registry.example.cn',
      TRUST_PROXY: 'true',
      DATABASE_URL: database.url,
      JWT_SECRET,
      DATA_ENCRYPTION_KEY: '5a'.repeat(32),
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: pool,
      RUN_JOBS: 'false',
      RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
      RATE_LIMIT_PDF_PER_USER_PER_MINUTE: '100000000',
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      // COMPILED_RESPONSES=false measures the lists without their compiled serializers.
      COMPILED_RESPONSES: process.env.COMPILED_RESPONSES ?? 'true',
      DATA_DIR: process.env.BENCH_API_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'bench-api-data-')),
    };
    // One process, as `npm start` runs it: rate-limit counters in memory (the scale-out runs use Redis).
    // BENCH_NODE_FLAGS replaces the heap flags of npm start (e.g. '--max-semi-space-size=32').
    const api = await startServer(['node', ...(process.env.BENCH_NODE_FLAGS ?? START_HEAP_FLAGS).split(' ').filter(Boolean), 'dist/apps/api/src/main.js'], { ...apiEnv, REDIS_URL: '' }, API_PORT, '/health/ready');
    servers.push(api);
    const raw = await startServer(['node', '-r', 'ts-node/register/transpile-only', 'bench/raw-server.ts'], { DATABASE_URL: database.url, DB_POOL_SIZE: pool, JWT_SECRET }, RAW_PORT, '/health/ready');
    servers.push(raw);
    const context: BenchContext = { api, raw, databaseUrl: database.url, password: BENCH_PASSWORD };
    const figures: Figure[] = [];
    const failed: string[] = [];
    console.log(`Load average at the start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (${cpus().length} cores)`);
    // BENCH_ONLY=<words in a scenario's name> runs just those (e.g. while working on one of them).
    // Several, comma-separated: BENCH_ONLY=verification,scoped lists
    const only = process.env.BENCH_ONLY?.split(',');
    for (const scenario of SCENARIOS.filter((s) => !only || only.some((o) => s.name.includes(o)))) {
      console.log(`- ${scenario.name}`);
      // One scenario that cannot run (no Chromium, say) must not lose the figures of the others.
      try {
        figures.push(...(await scenario.run(context)));
      } catch (error) {
        console.error(`  ${scenario.name} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        failed.push(scenario.name);
      }
    }
    if (!only || only.some((o) => 'scale-out'.includes(o))) {
      console.log(`- scale-out: ${process.env.BENCH_PROCESSES ?? 2} API processes on one port (node:cluster) sharing PostgreSQL and Redis`);
      figures.push(...(await scaleOut(context, CLUSTER_PORT, apiEnv)));
    }
    printTable(figures);
    if (failed.length) console.log(`\nNot measured (failed): ${failed.join('; ')}`);
    console.log(`\nLoad average at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (${cpus().length} cores)`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    const file = join(__dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), loadAverage: loadavg(), figures, failed }, null, 2));
    console.log(`\nWritten to ${file}`);
    if (failed.length) process.exitCode = 1;
  } finally {
    for (const server of servers) await server.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
