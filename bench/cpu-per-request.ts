/**
 * `npm run bench:cpu`: CPU time per request of the API and of the raw server on the same signed-in
 * list paths (node process and PostgreSQL backends, from /proc), and the database work each
 * request causes (transactions, tuples, buffer hits from pg_stat_database). Unlike throughput, these
 * hold when other work shares the machine: they tell where a ratio comes from.
 * BENCH_CPU_PATHS: comma-separated paths (default: the scoped lists of `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { openBenchDatabase, withClient } from './lib/bench-database';
import { load, Server, startServer } from './lib/processes';
import { signIn } from './lib/scenario';
import { BENCH_PASSWORD } from './generate-data';

const CLOCK_TICKS_PER_SECOND = 100;
const DURATION = 5;
const JWT_SECRET = 'benchmark-secret-benchmark-secret-benchmark';
const PATHS = (process.env.BENCH_CPU_PATHS ?? '/api/licences?limit=50,/api/agencies?limit=50&name=Services%2012345,/api/complaints?limit=50&severity=urgent').split(',');

function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** All postgres processes' CPU; backends that exit meanwhile make it an estimate. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').includes('(postgres)')) total += cpuSecondsOf(Number(entry));
    } catch {
      // the process ended between readdir and read
    }
  }
  return total;
}

async function databaseCounters(url: string): Promise<Record<'transactions' | 'returned' | 'hits', number>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT xact_commit + xact_rollback AS transactions, tup_returned AS returned, blks_hit AS hits FROM pg_stat_database WHERE datname = current_database()`);
    const row = rows[0] as Record<string, string>;
    return { transactions: Number(row.transactions), returned: Number(row.returned), hits: Number(row.hits) };
  });
}

async function measure(name: string, server: Server, path: string, databaseUrl: string, headers: Record<string, string>): Promise<void> {
  await load({ url: server.url, paths: [path], connections: 20, duration: 2, headers });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 600)); // pg_stat counters are flushed lazily
  await settle();
  const before = { node: cpuSecondsOf(server.process.pid as number), postgres: postgresCpuSeconds(), db: await databaseCounters(databaseUrl) };
  const result = await load({ url: server.url, paths: [path], connections: 20, duration: DURATION, headers });
  const node = cpuSecondsOf(server.process.pid as number) - before.node;
  const postgres = postgresCpuSeconds() - before.postgres;
  await settle();
  const db = await databaseCounters(databaseUrl);
  const requests = result.requestsPerSecond * DURATION;
  const per = (value: number, digits: number) => (value / requests).toFixed(digits);
  console.log(
    `  ${name.padEnd(4)} ${result.requestsPerSecond.toFixed(0).padStart(5)} req/s | node ${per(node * 1000, 2)} ms, postgres ~${per(postgres * 1000, 2)} ms CPU per request | ` +
      `${per(db.transactions - before.db.transactions, 2)} transactions, ${per(db.returned - before.db.returned, 0)} tuples, ${per(db.hits - before.db.hits, 0)} buffer hits per request`,
  );
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const env = {
    NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://registry.example.cn', TRUST_PROXY: 'true', DATABASE_URL: database.url, JWT_SECRET, DATA_ENCRYPTION_KEY: '5a'.repeat(32), LOG_LEVEL: 'warn', DB_POOL_SIZE: '20', RUN_JOBS: 'false', REDIS_URL: '',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
  };
  const api = await startServer(['node', '--max-old-space-size=192', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), 'dist/apps/api/src/main.js'], env, Number(process.env.BENCH_API_PORT ?? 4100), '/health/ready');
  const raw = await startServer(['node', '-r', 'ts-node/register/transpile-only', 'bench/raw-server.ts'], { DATABASE_URL: database.url, DB_POOL_SIZE: '20', JWT_SECRET }, Number(process.env.BENCH_RAW_PORT ?? 4101), '/health/ready');
  try {
    const headers = { authorization: `Bearer ${await signIn(api, 'bench-fujian', BENCH_PASSWORD)}` };
    for (const path of PATHS) {
      console.log(path);
      await measure('api', api, path, database.url, headers);
      await measure('raw', raw, path, database.url, headers);
    }
  } finally {
    await api.stop();
    await raw.stop();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
