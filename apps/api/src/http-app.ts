import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { constants as zlibConstants } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { API_PREFIX, Clock, Environment, Metrics, refuseUnstorableInput, requestIdOf, runHandlersInRequestContext, sendProblem, UNPREFIXED_PATHS } from '@app/core';
import { ReadReplicas } from '@app/database';
import { AppModule } from './app.module';
import fastifyMultipart from '@fastify/multipart';
import { acceptCsvUploads } from './csv-uploads';
import { setupOpenApi } from './openapi';
import { compileListResponses } from './compiled-responses';
import { APP_SECURITY_HEADERS, DOCS_CONTENT_SECURITY_POLICY } from './security-headers';
import { serveWebApp, webDistDirectory } from './web-app';
import { registerAllZhMessages } from './zh-messages';
import { routeNamer } from './tracing';

export interface ApiOptions {
  /** The validated environment, used as it is (the e2e tests point each app at its own database). */
  env: Environment;
  clock?: Clock;
  /** Use Nest's console logger instead of pino (quieter test output). */
  plainLogger?: boolean;
  /** Where pino writes (default stdout); the log-privacy test reads it. */
  logStream?: NodeJS.WritableStream;
  /**
   * Build the module graph without instantiating providers (no database connection): enough to
   * describe the routes, as `npm run openapi:export` does.
   */
  preview?: boolean;
}

/** Builds the API exactly as production runs it; main.ts and the e2e tests both come through here. */
export async function createApi(options: ApiOptions): Promise<NestFastifyApplication> {
  registerAllZhMessages();
  const adapter = new FastifyAdapter({
    bodyLimit: options.env.BODY_LIMIT_BYTES,
    trustProxy: options.env.TRUST_PROXY,
    genReqId: (request: IncomingMessage) => requestIdOf(request),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ environment: options.env, clock: options.clock, logStream: options.logStream }),
    adapter,
    {
      bufferLogs: !options.plainLogger,
      // Preview mode warns that it is preview mode; whoever asked for it knows.
      logger: options.plainLogger ? (options.preview ? ['error'] : ['error', 'warn']) : undefined,
      preview: options.preview,
    },
  );
  if (!options.plainLogger) app.useLogger(app.get(PinoLogger));
  await configureHttp(app, options);
  return app;
}

async function configureHttp(app: NestFastifyApplication, options: ApiOptions): Promise<void> {
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  // Once shutting down, in-flight requests finish and their keep-alive connections are closed
  // after the response, so close() does not wait for clients to hang up.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  // Nest runs its shutdown hooks before it closes the server; new requests are refused from the start of close().
  // NestFactory returns a Proxy whose `set` trap ignores assignments, so `app.close = ...` would silently
  // do nothing; defineProperty reaches the application itself. The proxy looks `close` up at each
  // call, so the original is taken from the prototype (through the proxy it would call this one).
  const close = (Object.getPrototypeOf(app) as NestFastifyApplication).close;
  Object.defineProperty(app, 'close', {
    configurable: true,
    writable: true,
    value: async (...args: Parameters<NestFastifyApplication['close']>) => {
      closing = true;
      return close.apply(app, args);
    },
  });
  // The first onRequest hook: a request that arrived before close() is in flight, even when a later
  // hook (the CSV importer's sign-in check) is still waiting on the database when close() begins.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    void reply.headers(APP_SECURITY_HEADERS);
    reply.header('connection', 'close');
    sendProblem(request, reply, new ServiceUnavailableException('The API is shutting down'), new Logger('Http'));
    return reply;
  });
  // Worked out once at start (see security-headers.ts): each response copies them.
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(APP_SECURITY_HEADERS);
    done();
  });
  runHandlersInRequestContext(fastify);
  if (!options.preview) {
    nameTracedRoutes(app);
    recordRequestDurations(app);
    keepWritersOnThePrimary(app);
  }
  // CSV imports arrive as text/csv: only on their routes, only from a signed-in importer, streamed.
  acceptCsvUploads(app);
  // Inspection photos arrive as multipart/form-data; each route sets its own part limits.
  await app.register(fastifyMultipart, { limits: { fileSize: 3 * 1024 * 1024, files: 2, fields: 2, parts: 4 } });
  // NUL bytes, lone surrogates and absurd nesting are refused by field before validation or SQL sees them.
  refuseUnstorableInput(fastify);
  // Nest routes Fastify's own errors (bad JSON, body too large, wrong media type) through ProblemDetailsFilter too.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    // Tokens and personal data must not be kept by browsers or proxies; public, cacheable answers say so themselves.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    if (closing) void reply.header('connection', 'close');
    // Swagger UI keeps the policy it was written for; the web app gets the strict one.
    if (request.url.startsWith(`/${API_PREFIX}/docs`)) void reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
    done(null, payload);
  });
  await compressAnswers(app);
  await serveWebApp(fastify, webDistDirectory(options.env.WEB_DIST_DIR));
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS.map((path) => path.slice(1)) });
  if (options.env.DOCS_ENABLED) setupOpenApi(app);
  if (options.env.COMPILED_RESPONSES && !options.preview) compileListResponses(app);
}

/**
 * API answers above 1 KB (a register page, the trends, a CSV export) go compressed to clients that
 * accept it: brotli at quality 4 costs little more CPU than gzip and is smaller. The web app's
 * files are compressed at build time (vite.config.ts) and carry their content-encoding already,
 * which the plugin leaves alone.
 */
async function compressAnswers(app: NestFastifyApplication): Promise<void> {
  // Files sent as streams with their length (the Swagger UI's assets) stay as they are: compressed on
  // the fly they reached real sockets broken. Added before the plugin, so its own onRoute hook sees it.
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    if (route.url.startsWith(`/${API_PREFIX}/docs`)) (route as { compress?: unknown }).compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/**
 * Request durations by route pattern (never the raw URL: ids would make a series per record),
 * method and status. Unrouted requests (the web app's files, unknown paths) count as one route.
 */
function recordRequestDurations(app: NestFastifyApplication): void {
  const duration = app
    .get(Metrics)
    .histogram('http_request_duration_seconds', 'API request durations by route, method and status', ['route', 'method', 'status'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unrouted';
    duration.observe({ route: route.startsWith(`/${API_PREFIX}/`) || route.startsWith('/health') || route === '/metrics' ? route : 'unrouted', method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

/** With tracing on, each request's span carries its route pattern (see tracing.ts). */
function nameTracedRoutes(app: NestFastifyApplication): void {
  const nameRoute = routeNamer();
  if (!nameRoute) return;
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.url) nameRoute(request.routeOptions.url);
    done();
  });
}

/**
 * Read your writes: after a signed-in user's successful write, their lag-tolerant reads (trends,
 * reports) go to the primary for a while (see ReadReplicas). Noted before the response leaves, so
 * the user's next request, on whichever API process, already sees it.
 */
function keepWritersOnThePrimary(app: NestFastifyApplication): void {
  const replicas = app.get(ReadReplicas);
  if (!replicas.configured) return;
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    const userId = (request as { user?: { userId?: string | null } }).user?.userId;
    if (userId && reply.statusCode < 400 && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) await replicas.noteWrite(userId);
  });
}
