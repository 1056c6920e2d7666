import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problems } from '@app/core';

/** The browser keeps its refresh token here: out of reach of scripts, sent only to /api/auth. */
export const REFRESH_COOKIE = 'registry_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/**
 * The header a cookie-based refresh or logout must carry. A custom header makes the browser ask
 * first (CORS preflight), which the API never grants to another origin, so another site cannot
 * make a signed-in browser use its cookie.
 */
export const WEB_CLIENT_HEADER = 'x-registry-client';

export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    // request.protocol follows X-Forwarded-Proto when TRUST_PROXY is on.
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: request.protocol === 'https' });
}

/**
 * The refresh token a request presents: the body's (API clients), else the cookie's, which only
 * the web app may use. Undefined when there is neither.
 */
export function presentedRefreshToken(request: FastifyRequest, bodyToken: string | undefined): { token: string; fromCookie: boolean } | undefined {
  if (bodyToken) return { token: bodyToken, fromCookie: false };
  const cookie = request.cookies?.[REFRESH_COOKIE];
  if (!cookie) return undefined;
  if (request.headers[WEB_CLIENT_HEADER] !== 'web') {
    throw Problems.forbidden(`The sign-in cookie is accepted only with the header X-Registry-Client: web`, 'web-client-header-required');
  }
  return { token: cookie, fromCookie: true };
}
