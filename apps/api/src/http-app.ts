import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { API_PREFIX, Clock, Environment, requestIdOf, UNPREFIXED_PATHS } from '@app/core';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { serveWebApp, webDistDirectory } from './web-app';
import { registerAllZhMessages } from './zh-messages';

/**
 * The web app's policy: its scripts only from this origin, never inline or eval'd. Ant Design
 * writes its CSS-in-JS into <style> elements, so styles may be inline.
 */
const APP_CSP: Record<string, string[]> = {
  defaultSrc: [`'self'`],
  scriptSrc: [`'self'`],
  scriptSrcAttr: [`'none'`],
  styleSrc: [`'self'`, `'unsafe-inline'`],
  imgSrc: [`'self'`, 'data:'],
  fontSrc: [`'self'`, 'data:'],
  connectSrc: [`'self'`],
  objectSrc: [`'none'`],
  baseUri: [`'self'`],
  formAction: [`'self'`],
  frameAncestors: [`'none'`],
};

const DOCS_CSP: Record<string, string[]> = {
  ...APP_CSP,
  scriptSrc: [`'self'`, `'unsafe-inline'`],
  imgSrc: [`'self'`, 'data:', 'validator.swagger.io'],
};

function cspHeader(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

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
  registerAllZhMessages();
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
  await app.register(fastifyCookie);
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: APP_CSP } });
  const fastify = app.getHttpAdapter().getInstance();
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
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  // Swagger UI keeps the policy it was written for; the web app gets the strict one above.
  const docsCsp = cspHeader(DOCS_CSP);
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(`/${API_PREFIX}/docs`)) reply.header('content-security-policy', docsCsp);
  });
  await serveWebApp(fastify, webDistDirectory(options.env.WEB_DIST_DIR));
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS.map((path) => path.slice(1)) });
  setupOpenApi(app);
}
