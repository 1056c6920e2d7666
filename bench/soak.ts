/**
 * `npm run bench:soak`: SOAK_MINUTES (default 10) of steady mixed traffic against the API on the
 * benchmark data: each minute, every stream of SOAK_STREAMS at its rate, in its own autocannon
 * process. Prints per minute the errors, p99 of each stream and the API's resident memory, so
 * a drift in latency or a leak shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBenchDatabase, withClient } from './lib/bench-database';
import { load, LoadResult, residentMb, startServer } from './lib/processes';
import { SOAK_STREAMS, SoakSample } from './lib/soak-mix';
import { signIn } from './lib/scenario';
import { BENCH_PASSWORD, generate } from './generate-data';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WINDOW_SECONDS = Number(process.env.SOAK_WINDOW_SECONDS ?? 60);

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  const [{ licences }] = await withClient(database.url, async (c) =>
    (await c.query(`SELECT CASE WHEN to_regclass('licences') IS NULL THEN 0 ELSE (SELECT count(*)::int FROM licences) END AS licences`)).rows as { licences: number }[],
  );
  if (licences < 200_000) await generate(database.url);
  // The same heap cap as npm start: V8 otherwise grows the heap long before it needs to.
    const api = await startServer(['node', '--max-old-space-size=192', 'dist/apps/api/src/main.js'], {
    NODE_ENV: 'production',
    // As behind the TLS proxy production requires (the benchmark talks plain HTTP to the API itself).
    PUBLIC_BASE_URL: 'https://registry.example.cn',
    TRUST_PROXY: 'true',
    DATABASE_URL: database.url,
    JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
    DATA_ENCRYPTION_KEY: '5a'.repeat(32),
    LOG_LEVEL: 'warn',
    RUN_JOBS: 'false',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
  }, 4200, '/health/ready');
  const rows: Record<string, unknown>[] = [];
  try {
    const sample: SoakSample = await withClient(database.url, async (c) => ({
      licenceNumbers: ((await c.query(`SELECT licence_number FROM licences ORDER BY md5(licence_number) LIMIT 1000`)).rows as { licence_number: string }[]).map((r) => r.licence_number),
      fujianAgencyIds: ((await c.query(`SELECT id FROM agencies WHERE jurisdiction_code LIKE '35%' ORDER BY md5(id::text) LIMIT 500`)).rows as { id: string }[]).map((r) => r.id),
    }));
    const tokens = new Map<string, string>();
    for (const user of new Set(SOAK_STREAMS.map((s) => s.signedInAs).filter(Boolean) as string[])) tokens.set(user, await signIn(api, user, BENCH_PASSWORD));
    console.log(`Soak: ${MINUTES} x ${WINDOW_SECONDS} s of ${SOAK_STREAMS.map((s) => `${s.name} ${s.ratePerSecond}/s`).join(', ')}`);
    for (let minute = 1; minute <= MINUTES; minute++) {
      // Access tokens live 15 minutes: sign in again every 10.
      if (minute % 10 === 0) for (const user of tokens.keys()) tokens.set(user, await signIn(api, user, BENCH_PASSWORD));
      const results = await Promise.all(
        SOAK_STREAMS.map((stream) =>
          load({
            url: api.url,
            requests: stream.requests(sample),
            connections: Math.max(2, Math.ceil(stream.ratePerSecond / 10)),
            overallRate: stream.ratePerSecond,
            duration: WINDOW_SECONDS,
            headers: stream.signedInAs ? { authorization: `Bearer ${tokens.get(stream.signedInAs)}` } : {},
          }),
        ),
      );
      const row = summarise(minute, results, residentMb(api.process.pid as number));
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    await api.stop();
    await database.stop();
  }
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const file = join(__dirname, 'results', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ minutes: rows }, null, 2));
  const p99s = rows.map((r) => r.worstP99Ms as number);
  const rss = rows.map((r) => r.residentMb as number);
  const errors = rows.reduce((sum, r) => sum + (r.errors as number), 0);
  console.log(`\nerrors: ${errors}; worst p99 per minute: ${Math.min(...p99s)}-${Math.max(...p99s)} ms; resident memory: ${Math.min(...rss).toFixed(0)}-${Math.max(...rss).toFixed(0)} MB\nWritten to ${file}`);
  if (errors > 0) process.exitCode = 1;
}

function summarise(minute: number, results: LoadResult[], memory: number): Record<string, unknown> {
  const row: Record<string, unknown> = { minute, requests: 0, errors: 0, worstP99Ms: 0, residentMb: Math.round(memory) };
  SOAK_STREAMS.forEach((stream, i) => {
    const result = results[i];
    row.requests = (row.requests as number) + result.total;
    // A 4xx or 5xx is an error in a soak whose requests are all well-formed.
    row.errors = (row.errors as number) + result.non2xx + result.errors + result.timeouts;
    row[`${stream.name} p99`] = result.latencyP99;
    row.worstP99Ms = Math.max(row.worstP99Ms as number, result.latencyP99);
  });
  return row;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
