import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * The value of one request header, or undefined. Unlike `@Headers(name)`, which OpenAPI would
 * list as a required parameter on its own, this leaves the documentation to the route's
 * `@ApiHeader`, which says whether the header is optional.
 */
export const HeaderValue = createParamDecorator((name: string, context: ExecutionContext): string | undefined => {
  const value: unknown = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
});
