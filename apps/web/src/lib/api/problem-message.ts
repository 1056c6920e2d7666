import type { Messages } from '@/lib/i18n/messages';
import { ApiProblem } from './problem';

/** An error in the reader's words: the API's own when it gave some (4xx), ours otherwise. */
export function problemMessage(error: unknown, t: Pick<Messages, 'common'>): string {
  if (!(error instanceof ApiProblem)) return t.common.unexpectedError;
  if (error.isNetwork) return t.common.networkError;
  if (error.status === 429) return t.common.tooManyRequests(error.retryAfter ?? 60);
  if (error.status < 500) return error.detail ?? error.title;
  return t.common.unexpectedError;
}
