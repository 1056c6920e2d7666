import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { withClient } from './bench-database';
import { load, startServer } from './processes';
import { Figure } from './report';
import { BenchContext, signIn } from './scenario';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 2);

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
    socket.once('close', () => socket.destroy());
    socket.once('connect', () => socket.end());
  });
}

/**
 * `npm run start:cluster` with 1 and with N processes on one port, both counting rate limits in
 * the same Redis: public verification (50 connections) and a scoped list (20 connections).
 * Skipped, with a note, when no Redis answers at BENCH_REDIS_URL.
 */
export async function scaleOut(context: BenchContext, port: number, env: Record<string, string>): Promise<Figure[]> {
  if (!(await reachable(REDIS_URL))) {
    console.log(`  no Redis at ${REDIS_URL} (BENCH_REDIS_URL): the scale-out benchmark is skipped`);
    return [];
  }
  const verification = await withClient(context.databaseUrl, async (client) =>
    ((await client.query(`SELECT licence_number FROM licences ORDER BY md5(licence_number) LIMIT 2000`)).rows as { licence_number: string }[]).map((r) => `/api/public/licences/${r.licence_number}`),
  );
  const measured: Record<number, { verification: number; list: number; verificationP99: number }> = {};
  for (const processes of [1, PROCESSES]) {
    const api = await startServer(['node', '--max-old-space-size=192', 'dist/apps/api/src/cluster.js'], {
      ...env,
      API_PROCESSES: String(processes),
      REDIS_URL,
      RATE_LIMIT_KEY_PREFIX: `registry-bench:${randomBytes(4).toString('hex')}:`,
    }, port, '/health/ready');
    try {
      // The primary answers once one copy listens; give the others time to start too.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const headers = { authorization: `Bearer ${await signIn(api, 'bench-fujian', context.password)}` };
      await load({ url: api.url, paths: verification, connections: 50, duration: 3 });
      const v = await load({ url: api.url, paths: verification, connections: 50, duration: DURATION });
      await load({ url: api.url, paths: ['/api/licences?limit=50'], connections: 20, duration: 2, headers });
      const l = await load({ url: api.url, paths: ['/api/licences?limit=50'], connections: 20, duration: DURATION, headers });
      measured[processes] = { verification: v.requestsPerSecond, verificationP99: v.latencyP99, list: l.requestsPerSecond };
    } finally {
      await api.stop();
    }
  }
  const one = measured[1];
  const many = measured[PROCESSES];
  const baseline = 'cluster of 1, Redis';
  return [
    { name: `verification, ${PROCESSES} processes + Redis`, value: many.verification, unit: 'req/s', baseline: { name: baseline, value: one.verification } },
    { name: `verification p99, ${PROCESSES} processes + Redis`, value: many.verificationP99, unit: 'ms', baseline: { name: baseline, value: one.verificationP99 } },
    { name: `licences of a province, ${PROCESSES} processes + Redis`, value: many.list, unit: 'req/s', baseline: { name: baseline, value: one.list } },
  ];
}
