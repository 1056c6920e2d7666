import { ApiProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { Alert } from './Alert';
import { Button } from './Button';

/** ProblemAlert for the public pages: an error in the reader's language, without Ant Design. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  let message = t.common.unexpectedError;
  if (error instanceof ApiProblem) {
    if (error.isNetwork) message = t.common.networkError;
    else if (error.status === 429) message = t.common.tooManyRequests(error.retryAfter ?? 60);
    else if (error.status < 500) message = error.detail ?? error.title;
  }
  return (
    <Alert
      type="error"
      role="alert"
      title={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.common.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
