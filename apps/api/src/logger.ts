import { AppConfig, requestIdOf } from '@app/core';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { Options } from 'pino-http';
import { traceLogMixin } from './tracing';

/**
 * Structured JSON logs with the request id on every line (and, when tracing is on, the trace and
 * span ids, see tracing.ts). Credentials, tokens, complaint
 * secrets and cookies are redacted; request bodies (which may hold complainants' personal
 * data) are never logged.
 */
export function loggerParams(config: AppConfig, stream?: NodeJS.WritableStream): Params {
  const options: Options = {
    level: config.get('LOG_LEVEL'),
    genReqId: (request) => requestIdOf(request),
    mixin: traceLogMixin(),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-complaint-secret"]', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        // Query strings can carry search terms about people; keep the path only.
        url: req.url?.split('?')[0],
        userAgent: req.headers?.['user-agent'],
        remoteAddress: req.remoteAddress,
      }),
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  };
  // Named wildcard: path-to-regexp 8 refuses the bare '*' that nestjs-pino uses by default.
  return { pinoHttp: stream ? [options, stream] : options, forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
}
