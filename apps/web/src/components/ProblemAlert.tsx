import { Alert, Button } from 'antd';
import { ApiProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';

/** An error told in the reader's language: the API's own words when it gave some, ours otherwise. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
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
      showIcon
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
