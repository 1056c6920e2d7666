/**
 * `npm run bench:profile`: the built API under autocannon load with V8's CPU profiler (the
 * inspector's, as `node --cpu-prof` uses, but over the measured load only), for public
 * verification (50 connections) and a scoped list (20 connections), then the top of each
 * profile: self time by function and by package. Uses the benchmark database (`npm run bench:data`).
 * BENCH_PROFILE_DIST names another build to profile (a checkout's dist/), for before/after;
 * BENCH_PROFILE_LIST another signed-in list path (default /api/licences?limit=50).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBenchDatabase, withClient } from './lib/bench-database';
import { summariseProfile } from './lib/cpu-profile';
import { load, startServer } from './lib/processes';
import { signIn } from './lib/scenario';
import { BENCH_PASSWORD } from './generate-data';

const PORT = Number(process.env.BENCH_API_PORT ?? 4100);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const MAIN = join(resolve(process.env.BENCH_PROFILE_DIST ?? 'dist'), 'apps/api/src/main.js');

interface Drive {
  warm(url: string): Promise<unknown>;
  measure(url: string): Promise<{ requestsPerSecond: number; latencyP99: number }>;
}

async function profiled(name: string, databaseUrl: string, drive: Drive): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'registry-cpu-prof-')), 'api.cpuprofile');
  const api = await startServer(['node', '--max-old-space-size=192', '-r', join(__dirname, 'lib', 'cpu-profile-hook.js'), MAIN], {
    CPU_PROFILE_FILE: file,
    NODE_ENV: 'production',
    // As behind the TLS proxy production requires (the benchmark talks plain HTTP to the API itself).
    PUBLIC_BASE_URL: 'https://registry.example.cn',
    TRUST_PROXY: 'true',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
    DATA_ENCRYPTION_KEY: '5a'.repeat(32),
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '20',
    RUN_JOBS: 'false',
    REDIS_URL: '',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '100000000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000000',
  }, PORT, '/health/ready');
  let result;
  try {
    await drive.warm(api.url);
    api.process.kill('SIGUSR2');
    result = await drive.measure(api.url);
    api.process.kill('SIGUSR2');
    for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await api.stop();
  }
  const { functions, places } = summariseProfile(file);
  console.log(`\n## ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.latencyP99} ms (${file})`);
  console.log('self time by package:');
  for (const line of places) console.log(`  ${line.percent.toFixed(1).padStart(5)}%  ${line.name}`);
  console.log('self time by function:');
  for (const line of functions) console.log(`  ${line.percent.toFixed(1).padStart(5)}%  ${line.name}`);
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const paths = await withClient(database.url, async (client) =>
      ((await client.query(`SELECT licence_number FROM licences ORDER BY md5(licence_number) LIMIT 2000`)).rows as { licence_number: string }[]).map((r) => `/api/public/licences/${r.licence_number}`),
    );
    await profiled('public verification, 50 connections', database.url, {
      warm: (url) => load({ url, paths, connections: 50, duration: 3 }),
      measure: (url) => load({ url, paths, connections: 50, duration: DURATION }),
    });
    let headers: Record<string, string> = {};
    const list = [process.env.BENCH_PROFILE_LIST ?? '/api/licences?limit=50'];
    await profiled(`${list[0]} for a province's official, 20 connections`, database.url, {
      warm: async (url) => {
        headers = { authorization: `Bearer ${await signIn({ url } as Parameters<typeof signIn>[0], 'bench-fujian', BENCH_PASSWORD)}` };
        return load({ url, paths: list, connections: 20, duration: 3, headers });
      },
      measure: (url) => load({ url, paths: list, connections: 20, duration: DURATION, headers }),
    });
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
