import { execFileSync } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BuiltAppProcess, buildIfNeeded, freePort, startBuiltApp } from './support/built-app-process';
import { appRoleUrl, startTestApp, TEST_DATA_KEY, TEST_JWT_SECRET, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const UNKNOWN_LICENCE = '350000-2026-999999';

type OtlpValue = { stringValue?: string; intValue?: string | number };
type OtlpAttribute = { key: string; value: OtlpValue };
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string | undefined;
  receivedAt: number;
}

const attribute = (attributes: OtlpAttribute[], key: string) => {
  const value = attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue;
};

/** A stand-in OpenTelemetry collector: OTLP/HTTP with JSON bodies, every span it is sent kept in order. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Every request, whatever its path: with tracing off there must be none. */
  readonly requests: string[] = [];
  private server: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
        if (request.method === 'POST' && request.url === '/v1/traces' && request.headers['content-type'] === 'application/json') {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as { resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
          for (const { resource, scopeSpans } of body.resourceSpans) {
            const service = attribute(resource.attributes, 'service.name') as string | undefined;
            for (const { spans } of scopeSpans) for (const span of spans) this.spans.push({ ...span, service, receivedAt: Date.now() });
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async waitForSpan(predicate: (span: ReceivedSpan) => boolean, timeoutMs = 20_000): Promise<ReceivedSpan> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const span = this.spans.find(predicate);
      if (span) return span;
      if (Date.now() > deadline) throw new Error(`No such span in ${timeoutMs} ms; received: ${this.spans.map((s) => `${s.receivedAt % 100_000} ${s.service} ${s.name}`).join(', ') || 'none'}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The JSON log lines of a process's output. */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Issue 28, item 4: traces through OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set, and the
 * request id (and then the trace id) in the logs. The built API runs in a process of its own, as
 * in production: the instrumentations patch http and pg as they load, which jest's module
 * registry would hide.
 */
describe('OpenTelemetry traces', () => {
  let t: TestApp;
  let receiver: OtlpReceiver;
  let endpoint: string;
  let api: BuiltAppProcess | undefined;

  beforeAll(async () => {
    buildIfNeeded();
    // Only for its database: migrated, with the app role, dropped at the end.
    t = await startTestApp();
    receiver = new OtlpReceiver();
    endpoint = await receiver.start();
  }, 300_000);
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  const startApi = async (env: Record<string, string>) => {
    const port = await freePort();
    api = startBuiltApp('dist/apps/api/src/main.js', {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: t.databaseUrl,
      DATABASE_APP_URL: appRoleUrl(t.databaseUrl),
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
      DEMO_SEED: 'false',
      RUN_JOBS: 'false',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      ...env,
    });
    await api.waitForOutput(/Agency Registry API ready/, 90_000);
    return `http://127.0.0.1:${port}`;
  };

  it('with OTEL_EXPORTER_OTLP_ENDPOINT set: a span per request named by its route, under the service name, with its SQL, and the trace id on the request’s log line', async () => {
    const base = await startApi({
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Spans leave within 100 ms instead of the default 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const requestId = 'trace-test-request-0001';
    // A well-formed number that no licence has: looked up in the database, not found.
    const answer = await fetch(`${base}/api/public/licences/${UNKNOWN_LICENCE}`, { headers: { 'x-request-id': requestId } });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-request-id')).toBe(requestId);

    const server = await receiver.waitForSpan((s) => attribute(s.attributes, 'http.route') === '/api/public/licences/:number');
    // Nothing but requests' (and jobs') own SQL is traced: not the start-up's migrations check, not the pool's LISTEN.
    expect(receiver.spans.filter((s) => s.traceId !== server.traceId)).toEqual([]);
    expect(server).toMatchObject({ service: 'agency-registry-api', name: 'GET /api/public/licences/:number', kind: 2 /* SERVER */ });
    expect(attribute(server.attributes, 'http.response.status_code')).toBe(404);
    expect(server.traceId).toMatch(/^[0-9a-f]{32}$/);
    // The licence lookup's SQL is part of the same trace, its values never recorded.
    const query = await receiver.waitForSpan((s) => s.traceId === server.traceId && attribute(s.attributes, 'db.system.name') === 'postgresql');
    expect(attribute(query.attributes, 'db.query.text')).toMatch(/\$1/);
    expect(JSON.stringify(query.attributes)).not.toContain(UNKNOWN_LICENCE);
    // Probes are not traced.
    await fetch(`${base}/health/live`);
    await fetch(`${base}/metrics`);

    // The request's own log line (pino-http's) carries its request id and the trace's id.
    const line = logLines(api!.output()).find((l) => (l.req as { id?: string } | undefined)?.id === requestId && l.msg === 'request completed');
    expect(line).toMatchObject({ trace_id: server.traceId, res: { statusCode: 404 } });
    await api!.stop();
    api = undefined;
    expect(receiver.spans.filter((s) => /^\/(health|metrics)/.test(String(attribute(s.attributes, 'url.path'))))).toEqual([]);
  }, 150_000);

  it('the worker too: each job run a span under agency-registry-worker, its SQL inside it', async () => {
    api = startBuiltApp('dist/apps/worker/src/main.js', {
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      DATABASE_APP_URL: appRoleUrl(t.databaseUrl),
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
      LOG_LEVEL: 'info',
      JOB_CRON_OVERRIDES: 'notification-delivery=* * * * * *',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const job = await receiver.waitForSpan((s) => s.name === 'job notification-delivery', 60_000);
    expect(job.service).toBe('agency-registry-worker');
    expect(attribute(job.attributes, 'registry.job.status')).toBe('succeeded');
    const query = await receiver.waitForSpan((s) => s.traceId === job.traceId && s.parentSpanId === job.spanId && attribute(s.attributes, 'db.system.name') === 'postgresql');
    expect(query.service).toBe('agency-registry-worker');
  }, 120_000);

  it('without OTEL_EXPORTER_OTLP_ENDPOINT: nothing is exported and no trace id is logged, even with the other OTEL_ variables set', async () => {
    receiver.requests.length = 0;
    // Every other OpenTelemetry setting points at the receiver: still nothing may reach it.
    const base = await startApi({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${endpoint}/v1/metrics`,
      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `${endpoint}/v1/logs`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const requestId = 'trace-test-request-0002';
    expect((await fetch(`${base}/api/public/licences/${UNKNOWN_LICENCE}`, { headers: { 'x-request-id': requestId } })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const output = api!.output();
    await api!.stop();
    api = undefined;
    expect(receiver.requests).toEqual([]);
    // The request id is logged as ever; no trace id, as there is no trace.
    const line = logLines(output).find((l) => (l.req as { id?: string } | undefined)?.id === requestId && l.msg === 'request completed');
    expect(line).toMatchObject({ res: { statusCode: 404 } });
    expect(line).not.toHaveProperty('trace_id');
  }, 150_000);

  it('tracing.ts loads no OpenTelemetry module unless the endpoint is set', () => {
    const loaded = (env: Record<string, string>) =>
      execFileSync(
        process.execPath,
        ['-e', "require('./dist/apps/api/src/tracing.js').startTracing('probe'); console.log(Object.keys(require.cache).filter((f) => f.includes('@opentelemetry')).length)"],
        { cwd: ROOT, env: { PATH: process.env.PATH, ...env } },
      )
        .toString()
        .trim();
    expect(loaded({})).toBe('0');
    expect(Number(loaded({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_TRACES_EXPORTER: 'none' }))).toBeGreaterThan(0);
  });
});
