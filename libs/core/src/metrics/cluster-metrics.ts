import cluster from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

/**
 * Under `start:cluster` a scrape of /metrics (or METRICS_PORT, which the processes share) lands
 * on whichever API process accepts the connection; it must answer for the whole cluster. The
 * process asks the primary, the primary gathers every process's registry through prom-client's
 * AggregatorRegistry (over the cluster's IPC channel) and answers with the sum: counters and
 * histograms added up, gauges by the aggregator each declares (see ScrapedGauge).
 *
 * Only node:cluster and prom-client here: the primary (apps/api/src/cluster.ts) loads this file
 * and nothing of Nest.
 */
const ASK = 'registry:cluster-metrics?';
const ANSWER = 'registry:cluster-metrics';
/** prom-client gives each process 5 s to answer the primary; a little more for the round trip. */
const ANSWER_TIMEOUT_MS = 7_000;

interface Ask {
  type: typeof ASK;
  id: number;
}
interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** Whether this process is one of start:cluster's API processes (its metrics are the cluster's). */
export function inApiCluster(): boolean {
  return cluster.isWorker;
}

/** In an API process of the cluster: hands this registry to the primary's aggregation when asked. */
export function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
}

// An API process answers the primary from the moment this file loads (early in main.ts' imports):
// with nothing until its app has made its registry, so that a process still starting (one just
// replacing a dead one) does not hold every scrape up until prom-client's 5 s time-out.
if (inApiCluster()) {
  // Constructing one installs prom-client's answering listener in this process.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([]);
}

let asked = 0;
const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/** In an API process of the cluster: the whole cluster's metrics, from the primary. */
export function clusterMetricsText(): Promise<string> {
  if (waiting.size === 0) process.on('message', answered);
  const id = ++asked;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => settle(id)?.reject(new Error('The cluster primary did not answer with the metrics')), ANSWER_TIMEOUT_MS);
    waiting.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send?.({ type: ASK, id } satisfies Ask);
  });
}

function settle(id: number) {
  const entry = waiting.get(id);
  waiting.delete(id);
  if (waiting.size === 0) process.off('message', answered);
  return entry;
}

function answered(message: unknown): void {
  const answer = message as Partial<Answer> | null;
  if (answer?.type !== ANSWER || typeof answer.id !== 'number') return;
  const entry = settle(answer.id);
  if (answer.error !== undefined) entry?.reject(new Error(answer.error));
  else entry?.resolve(answer.text ?? '');
}

/**
 * In the primary: answers the API processes' requests for the cluster's metrics. `own` adds the
 * primary's own metrics (its processes, their restarts) to every answer.
 */
export function serveClusterMetrics(own?: Registry): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    const ask = message as Partial<Ask> | null;
    if (ask?.type !== ASK || typeof ask.id !== 'number') return;
    const id = ask.id;
    void Promise.all([aggregator.clusterMetrics(), own?.metrics() ?? ''])
      .then(([processes, primary]) => ({ type: ANSWER, id, text: processes + primary }) satisfies Answer)
      .catch((error: unknown) => ({ type: ANSWER, id, error: (error as Error).message }) satisfies Answer)
      .then((answer) => {
        if (worker.isConnected()) worker.send(answer);
      });
  });
}
