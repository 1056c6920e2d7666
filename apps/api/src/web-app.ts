import fastifyStatic from '@fastify/static';
import { HttpStatus, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { API_PREFIX, ProblemException, sendProblem } from '@app/core';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NEVER_STALE = 'no-cache';
const NOT_BUILT = 'The web app is not built: run npm run build:web';

/** The repository root: the nearest directory above this file holding package.json (source or dist). */
export function repositoryRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function webDistDirectory(configured: string): string {
  return isAbsolute(configured) ? configured : resolve(repositoryRoot(), configured);
}

/**
 * Serves the web app (Vite's build) at `/`: hashed files under assets/ are cached for a year,
 * index.html never without revalidation, and every other GET that is neither an API route nor a
 * health probe gets index.html, so the app's own routes (/verify/350000-2026-000001) load from a
 * link. Unknown /api paths still answer the API's 404 problem.
 */
export async function serveWebApp(fastify: FastifyInstance, root: string): Promise<void> {
  // preCompressed: the .br/.gz copies the build wrote are sent to browsers that accept them, with Vary.
  await fastify.register(fastifyStatic, { root, serve: false, decorateReply: true, preCompressed: true });
  const logger = new Logger('WebApp');
  if (!existsSync(join(root, 'index.html'))) logger.log(`${NOT_BUILT} (looked in ${root})`);

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodedPath(request.url);
    if (path === undefined || isApiPath(path)) return reply.callNotFound();
    const file = path === '/' ? undefined : existingFile(root, path);
    if (file) {
      void reply.header('cache-control', file.startsWith(`assets${sep}`) ? IMMUTABLE : NEVER_STALE);
      return reply.sendFile(file, root, { cacheControl: false });
    }
    // A hashed file that is gone (an old page after a deploy) is a 404, not the app's HTML as a script.
    if (path.startsWith('/assets/')) return reply.callNotFound();
    if (!existsSync(join(root, 'index.html'))) return notBuilt(request, reply, logger);
    void reply.header('cache-control', NEVER_STALE);
    return reply.type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false });
  };
  // The build's own .br/.gz copies are what these routes send; @fastify/compress compressing the
  // file stream again on the fly broke responses over real sockets (a length for the plain file).
  const routeOptions = { compress: false } as Record<string, unknown>;
  fastify.get('/', routeOptions, handler);
  fastify.get('/*', routeOptions, handler);
}

function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0]);
  } catch {
    return undefined;
  }
}

function isApiPath(path: string): boolean {
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`) || path === '/health' || path.startsWith('/health/');
}

/** The file's path relative to root when the URL names a file inside it (never outside: no `..`). */
function existingFile(root: string, path: string): string | undefined {
  const relative = normalize(path).replace(/^[/\\]+/, '');
  if (relative === '' || relative.split(/[/\\]/).includes('..') || relative.includes('\0')) return undefined;
  try {
    return statSync(join(root, relative)).isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}

function notBuilt(request: FastifyRequest, reply: FastifyReply, logger: Logger) {
  void reply.header('cache-control', 'no-store').header('retry-after', '30');
  if ((request.headers.accept ?? '').includes('text/html')) {
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Agency Registry: web app not built</title>' +
          `<h1>The web app is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when stale). The API answers at <a href="/${API_PREFIX}/docs">/${API_PREFIX}/docs</a>.</p></html>`,
      );
  }
  sendProblem(request, reply, new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'web-app-not-built', NOT_BUILT), logger);
  return reply;
}
