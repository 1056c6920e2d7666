import { HttpStatus, Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokens, RoutePolicies } from '@app/access';
import { Problems, ProblemException, sendProblem } from '@app/core';

/** The routes that take a text/csv body; every other route refuses the media type unread. */
export const CSV_UPLOAD_ROUTES = ['POST /api/agencies/import'] as const;

const CSV_MEDIA_TYPE = /^\s*text\/csv\s*(;|$)/i;

/**
 * text/csv bodies are large (imports), so they are checked before a byte is read: the route must
 * take CSV and the caller must hold a valid access token with a role the route allows. Only then
 * does the parser hand the body to the route as an unread stream, which the import parses row
 * by row. A refused upload closes the connection, so the sender cannot keep feeding it.
 */
export function acceptCsvUploads(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('CsvUploads');
  const admitted = new WeakSet<object>();
  let allowedRoles: Map<string, readonly string[]> | undefined;
  const rolesFor = (route: string) => {
    allowedRoles ??= new Map(
      app
        .get(RoutePolicies)
        .list()
        .filter((r) => (CSV_UPLOAD_ROUTES as readonly string[]).includes(`${r.method} ${r.path}`) && r.policy?.kind === 'roles')
        .map((r) => [`${r.method} ${r.path}`, r.policy?.kind === 'roles' ? r.policy.roles : []]),
    );
    return allowedRoles.get(route);
  };
  const refuse = (request: FastifyRequest, reply: FastifyReply, problem: ProblemException) => {
    reply.header('connection', 'close');
    sendProblem(request, reply, problem, logger);
    return reply;
  };

  fastify.addHook('onRequest', async (request, reply) => {
    if (!CSV_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) return;
    const roles = rolesFor(`${request.method} ${request.routeOptions.url ?? ''}`);
    if (!roles) return refuse(request, reply, unsupported());
    let role: string;
    try {
      role = (await app.get(AccessTokens).actorOf(request.headers.authorization)).role;
    } catch (error) {
      return refuse(request, reply, error as ProblemException);
    }
    if (!roles.includes(role)) {
      return refuse(request, reply, Problems.forbidden(`Uploading this file is for ${roles.join(', ')}; you are signed in as ${role}`));
    }
    admitted.add(request);
  });

  // An import refused mid-file (too many rows, too large) answers before the rest arrives: close the connection instead of draining it.
  fastify.addHook('onSend', async (request, reply) => {
    if (admitted.has(request) && !request.raw.complete) reply.header('connection', 'close');
  });

  fastify.addContentTypeParser('text/csv', (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (error: Error | null, body?: unknown) => void) => {
    // Reached only through the hook above; anything it did not admit is refused unread.
    if (!admitted.has(request)) return done(unsupported());
    done(null, payload);
  });
}

function unsupported(): ProblemException {
  return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', `text/csv is accepted only by ${CSV_UPLOAD_ROUTES.join(', ')}`);
}
