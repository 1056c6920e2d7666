import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ActingParty, RequestContext, RequestContextData } from './request-context';

type SignedInRequest = FastifyRequest & { user?: ActingParty };

/**
 * The RequestContext of an HTTP request. Its fields are read from the request when asked, so the
 * actor is whoever the access guard signed in, though the context is entered before the guard.
 */
class HttpRequestContext implements RequestContextData {
  constructor(private readonly request: SignedInRequest) {}

  get requestId(): string {
    return String(this.request.id);
  }

  get ip(): string {
    return this.request.ip;
  }

  get actor(): ActingParty | undefined {
    const user = this.request.user;
    return user ? { userId: user.userId, username: user.username, role: user.role } : undefined;
  }
}

/**
 * Runs each route's handler (with Nest's guards, pipes and the handler itself) inside the
 * request's RequestContext. A preHandler hook calls the route's handler synchronously from
 * `done`, so everything the handler awaits inherits the context, without an interceptor (whose
 * Observable chain and async-resource bindings Nest would build on every request).
 */
export function runHandlersInRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    RequestContext.run(new HttpRequestContext(request as SignedInRequest), done);
  });
}
