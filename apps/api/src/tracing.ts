/**
 * OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. The entry points call startTracing() before they
 * import anything else: the instrumentations patch `http` and `pg` as those are first required, so
 * a module loaded earlier would go untraced. Without the variable nothing of OpenTelemetry is even
 * loaded (the SDK is required lazily below), so tracing costs nothing when it is off.
 *
 * Everything else follows OpenTelemetry's own variables: OTEL_EXPORTER_OTLP_PROTOCOL
 * (`http/protobuf` by default, `http/json`, `grpc`), OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES...
 */
import type { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

/** Starts the SDK when tracing is wanted; `defaultServiceName` unless OTEL_SERVICE_NAME names the service. */
export function startTracing(defaultServiceName: string): boolean {
  if (sdk || !tracingWanted()) return Boolean(sdk);
  // Traces only: metrics are prom-client's (/metrics) and logs go to stdout, so the SDK's own
  // default OTLP metric and log exporters stay off unless asked for by name.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on (see above) */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || defaultServiceName,
    instrumentations: [
      new HttpInstrumentation({
        // Probes every few seconds would drown the traces that matter; metrics cover them.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)\b/.test(request.url ?? ''),
      }),
      // Statements are recorded with their $n placeholders, never their values (personal data);
      // only within a request's or a job's trace (not the pool's, LISTEN's or the replica checks'
      // own statements, each of which would be a trace of its own), and without a span per
      // connection taken from the pool.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true, ignoreConnectSpans: true }),
    ],
  });
  sdk.start();
  return true;
}

export function tracingStarted(): boolean {
  return sdk !== undefined;
}

/** Sends the spans still buffered; called on shutdown before the process exits. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch((error: unknown) => console.error('OpenTelemetry did not shut down cleanly:', error));
}

/**
 * The pino mixin that puts the active span's ids on every log line (the request's own line among
 * them), so that a log line leads to its trace. Undefined when tracing is off: no cost per line.
 */
export function traceLogMixin(): (() => Record<string, string>) | undefined {
  if (!sdk) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  const { trace } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  return (): Record<string, string> => {
    const context = trace.getActiveSpan()?.spanContext();
    return context ? { trace_id: context.traceId, span_id: context.spanId } : {};
  };
}

/**
 * Names the request's server span by its route pattern (`GET /api/agencies/:id`, never the raw
 * URL), as the metrics do: the http instrumentation reads the route from the RPC metadata it put in
 * the request's context when the response closes.
 */
export function routeNamer(): ((route: string) => void) | undefined {
  if (!sdk) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- as above */
  const { context } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { getRPCMetadata, RPCType } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return (route) => {
    const metadata = getRPCMetadata(context.active());
    if (metadata?.type === RPCType.HTTP) metadata.route = route;
  };
}
