import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Language, primaryLanguage } from './language';

/** The primary language the request's Accept-Language picks (zh-CN without one). */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => {
  const header: unknown = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['accept-language'];
  return primaryLanguage(typeof header === 'string' ? header : undefined);
});

/** Documents the optional Accept-Language header of a route that reads @RequestLanguage(). */
export function ApiAcceptLanguage(description = 'zh-CN (default) or en: the primary text; both languages are always present') {
  return ApiHeader({ name: 'accept-language', required: false, description, schema: { type: 'string', example: 'en' } });
}
