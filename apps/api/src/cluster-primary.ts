import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { Counter, Gauge, Registry } from 'prom-client';
// Not '@app/core': the primary loads nothing of Nest.
import { serveClusterMetrics } from '@app/core/metrics/cluster-metrics';

/**
 * `npm run start:cluster`: API_PROCESSES copies of the API (default: one per core) answering on
 * one port through node:cluster, sharing PostgreSQL (DATABASE_URL) and, for rate limits that
 * hold across the copies, Redis (REDIS_URL). A copy that dies is replaced; SIGTERM and SIGINT
 * let every copy finish its in-flight requests. `npm start` stays one process. /metrics, on
 * whichever copy answers it, is the sum of all the copies' (libs/core/src/metrics/cluster-metrics.ts).
 */
export function primary(): void {
  const count = Number(process.env.API_PROCESSES ?? availableParallelism());
  if (!Number.isInteger(count) || count < 1) fail(`API_PROCESSES must be a whole number of processes, not ${process.env.API_PROCESSES}`);
  // Each copy would otherwise start its own embedded PostgreSQL on the same port and directory.
  if (!process.env.DATABASE_URL) fail('DATABASE_URL is required: the API processes share one PostgreSQL server');
  if (!process.env.REDIS_URL) console.warn('REDIS_URL is not set: each API process keeps its own rate-limit counters, so a limit allows up to API_PROCESSES times its budget');
  let stopping = false;
  serveClusterMetrics(primaryMetrics());
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    restarts.inc();
    console.error(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => cluster.fork(), 1_000);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

const own = new Registry();
const restarts = new Counter({ name: 'registry_api_process_restarts_total', help: 'API processes that died and were replaced by start:cluster', registers: [own] });

/** The primary's own figures, added to the cluster's metrics. */
function primaryMetrics(): Registry {
  new Gauge({
    name: 'registry_api_processes',
    help: 'API processes start:cluster runs now',
    registers: [own],
    collect() {
      this.set(Object.values(cluster.workers ?? {}).filter((worker) => worker?.isConnected()).length);
    },
  });
  return own;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
