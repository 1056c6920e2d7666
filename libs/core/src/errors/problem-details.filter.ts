import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLanguage } from '../i18n/language';
import { localizeProblem } from '../i18n/localize-problem';
import { problemFromDatabaseError } from './database-errors';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from './problem-details';
import { ProblemException } from './problem.exception';

const SLUG_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Fastify's own errors (body parsing, size) carry a statusCode and a FST_ code. */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns any error into an RFC 9457 problem. Only real faults become 500, and only those are logged as errors. */
export function toProblem(error: unknown, instance: string, requestId: string): ProblemDetails {
  const base = { instance, requestId };
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    return { type: error.type, title: HttpStatus[status] ? titleOf(status) : 'Error', status, detail: error.message, ...base, ...error.extensions };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : detailOf(response) ?? error.message;
    return { type: problemType(SLUG_BY_STATUS[status] ?? 'error'), title: titleOf(status), status, detail, ...base };
  }
  const database = problemFromDatabaseError(error);
  if (database) return toProblem(database, instance, requestId);
  const fastifyError = error as FastifyLikeError;
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    return { type: problemType(SLUG_BY_STATUS[status] ?? 'bad-request'), title: titleOf(status), status, detail: fastifyError.message, ...base };
  }
  return { type: problemType('internal'), title: 'Internal Server Error', status: 500, detail: 'An unexpected fault occurred; it has been logged', ...base };
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function detailOf(response: object): string | undefined {
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(request, reply, error, this.logger);
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error'>): void {
  const problem = toProblem(error, request.url.split('?')[0], String(request.id));
  // API clients without Accept-Language get English, as they always have; the web app always says which.
  const language = preferredLanguage(request.headers['accept-language'], 'en');
  if (problem.status >= 500 && problem.status !== 503) {
    logger.error({ fault: describeFault(error), requestId: request.id }, 'Unhandled fault');
  }
  if (problem.status === 503) reply.header('retry-after', '5');
  if (problem.status === 429) copyNamedRetryAfter(reply);
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', language)
    .header('vary', 'Accept-Language')
    .send(localizeProblem(problem, language));
}

/** The throttler names its header after the budget (retry-after-login); clients look for Retry-After. */
function copyNamedRetryAfter(reply: FastifyReply): void {
  const headers = reply.getHeaders();
  if (headers['retry-after'] !== undefined) return;
  const named = Object.keys(headers).find((name) => name.toLowerCase().startsWith('retry-after-'));
  if (named) reply.header('retry-after', headers[named] as string);
}

/**
 * What a fault log line says: the error's kind, message, code and stack, never its other
 * properties (a failed query carries its parameters, which can hold personal data).
 */
function describeFault(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: typeof error };
  return { type: error.name, message: error.message, code: (error as { code?: unknown }).code, stack: error.stack };
}
