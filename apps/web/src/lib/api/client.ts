import createClient, { type Middleware } from 'openapi-fetch';
import { getLanguage } from '@/lib/i18n/language';
import { networkProblem, problemFrom } from './problem';
import type { paths } from './schema';

/** The signed-in session plugs in here (app/auth/session.ts), so this module depends on no app state. */
export interface TokenSource {
  token(): string | undefined;
  /** Gets a new access token; false when the session has ended. */
  refresh(): Promise<boolean>;
}

let tokens: TokenSource = { token: () => undefined, refresh: () => Promise.resolve(false) };

export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

/**
 * Every call carries the chosen language and, when signed in, the access token. A GET refused
 * with 401 while signed in (the token expired during sleep) is retried once after a refresh.
 * A refusal comes back as a thrown ApiProblem (RFC 9457), so pages handle errors one way.
 */
const registryHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', getLanguage());
    const token = tokens.token();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && request.method === 'GET' && request.headers.has('Authorization') && (await tokens.refresh())) {
      const retry = new Request(request);
      retry.headers.set('Authorization', `Bearer ${tokens.token() ?? ''}`);
      const again = await fetch(retry);
      if (!again.ok) throw await problemFrom(again);
      return again;
    }
    if (!response.ok) throw await problemFrom(response);
    return response;
  },
  onError({ error }) {
    if (error instanceof Error && (error.name === 'ApiProblem' || error.name === 'AbortError')) return error;
    return networkProblem();
  },
};

/** The lists that also answer text/csv (exports) are read here as JSON; a download asks for CSV itself. */
export const api = createClient<paths, 'application/json' | 'application/problem+json'>({ baseUrl: '/', credentials: 'same-origin' });
api.use(registryHeaders);

/** The body of a successful answer (refusals were already thrown by the middleware). */
export function data<T>(result: { data?: T; error?: unknown }): T {
  if (result.data === undefined) throw networkProblem();
  return result.data;
}
