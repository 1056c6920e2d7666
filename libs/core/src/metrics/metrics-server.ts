import { timingSafeEqual } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { Environment } from '../config/environment';
import { Metrics } from './metrics';

/** Whether an Authorization header carries METRICS_TOKEN (compared in constant time). */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether the API's own port answers GET /metrics: always with METRICS_TOKEN (then only to it);
 * without one, never in production (the public could read it) and not when METRICS_PORT is set.
 */
export function metricsOnApiPort(env: Pick<Environment, 'NODE_ENV' | 'METRICS_TOKEN' | 'METRICS_PORT'>): boolean {
  if (env.METRICS_TOKEN) return true;
  return env.NODE_ENV !== 'production' && env.METRICS_PORT === undefined;
}

/**
 * A bare HTTP server for /metrics (and /health) on a port of its own: METRICS_PORT in the API, WORKER_METRICS_PORT in
 * the worker. METRICS_TOKEN, when set, is required here too.
 */
export function startMetricsServer(metrics: Metrics, options: { port: number; host: string; token?: string }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics or /health');
      return;
    }
    if (options.token && !carriesMetricsToken(request.headers.authorization, options.token)) {
      response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('METRICS_TOKEN required');
      return;
    }
    metrics.text().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text),
      () => response.writeHead(503, { 'content-type': 'text/plain' }).end('Metrics unavailable'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
