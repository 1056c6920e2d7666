import { CanActivate, ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { API_PREFIX, AppConfig, ProblemException, Problems } from '@app/core';

const FORM_BODY_ALLOWED = 'auth:form-body-allowed';

/**
 * Exempts one sign-in route from the JSON-only rule, for a body a standard prescribes as a form
 * (an OAuth token endpoint's client credentials). The origin check still applies to it.
 */
export const AcceptsFormBody = () => SetMetadata(FORM_BODY_ALLOWED, true);

/** Fetch metadata a browser sends with a request started by a page of another site. */
const FOREIGN_FETCH_SITES = new Set(['cross-site', 'same-site']);

/**
 * Login CSRF: another site's page must not sign a visitor's browser in (into an account the
 * attacker holds). Under /api/auth/ a request from a browser must come from the registry's own
 * origin (Origin, Sec-Fetch-Site), and its body must be JSON: an HTML form can send only
 * urlencoded, multipart or text/plain bodies, and cross-site JSON needs a preflight the API
 * never grants.
 */
@Injectable()
export class SignInRequestsGuard implements CanActivate {
  private readonly prefix = `/${API_PREFIX}/auth/`;
  private readonly publicOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.get('PUBLIC_BASE_URL')).origin;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.url.startsWith(this.prefix)) return true;
    this.refuseForeignOrigin(request);
    const formAllowed = this.reflector.getAllAndOverride<boolean>(FORM_BODY_ALLOWED, [context.getHandler(), context.getClass()]);
    if (!formAllowed) refuseNonJsonBody(request);
    return true;
  }

  private refuseForeignOrigin(request: FastifyRequest): void {
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string' && FOREIGN_FETCH_SITES.has(site)) {
      throw Problems.forbidden(`Sign-in requests are accepted only from the registry's own pages (Sec-Fetch-Site: ${site})`, 'cross-site-request');
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (origin !== this.publicOrigin && origin !== `${request.protocol}://${request.host}`) {
      throw Problems.forbidden(`Sign-in requests are accepted only from the registry's own pages (Origin: ${origin.slice(0, 200)})`, 'cross-site-request');
    }
  }
}

function refuseNonJsonBody(request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (type === 'application/json' || (type === '' && !hasBody)) return;
  throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', 'The sign-in routes accept only application/json bodies');
}
