import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { ActingParty, RequestContext } from './request-context';

/** Runs each handler inside a RequestContext built from the request and its signed-in user. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: ActingParty }>();
    const data = {
      requestId: String(request.id),
      ip: request.ip,
      actor: request.user
        ? { userId: request.user.userId, username: request.user.username, role: request.user.role }
        : undefined,
    };
    return new Observable((subscriber) =>
      RequestContext.run(data, () => next.handle().subscribe(subscriber)),
    );
  }
}
