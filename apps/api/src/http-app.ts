import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { API_PREFIX, Clock, Environment, requestIdOf, runHandlersInRequestContext, UNPREFIXED_PATHS } from '@app/core';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { SECURITY_HEADERS } from './security-headers';

export interface ApiOptions {
  env: Environment;
  /** Overrides of the environment (the e2e tests point each app at its own database). */
  overrides?: Record<string, string | undefined>;
  clock?: Clock;
  /** Use Nest's console logger instead of pino (quieter test output). */
  plainLogger?: boolean;
  /** Where pino writes (default stdout); the log-privacy test reads it. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the API exactly as production runs it; main.ts and the e2e tests both come through here. */
export async function createApi(options: ApiOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.env.BODY_LIMIT_BYTES,
    trustProxy: options.env.TRUST_PROXY,
    genReqId: (request: IncomingMessage) => requestIdOf(request),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ env: options.overrides, clock: options.clock, logStream: options.logStream }),
    adapter,
    { bufferLogs: !options.plainLogger, logger: options.plainLogger ? ['error', 'warn'] : undefined },
  );
  if (!options.plainLogger) app.useLogger(app.get(PinoLogger));
  await configureHttp(app, options);
  return app;
}

async function configureHttp(app: NestFastifyApplication, options: ApiOptions): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    done();
  });
  runHandlersInRequestContext(fastify);
  // CSV imports arrive as text/csv, up to their own (larger) size limit.
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: options.env.IMPORT_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  // Nest routes Fastify's own errors (bad JSON, body too large, wrong media type) through ProblemDetailsFilter too.
  // Once shutting down, in-flight requests finish and their keep-alive connections are closed
  // after the response, so close() does not wait for clients to hang up.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS.map((path) => path.slice(1)) });
  setupOpenApi(app);
}
