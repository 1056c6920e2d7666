import { Alert, Button } from 'antd';
import { problemMessage } from '@/lib/api/problem-message';
import { useT } from '@/lib/i18n/use-i18n';

/** An error told in the reader's language: the API's own words when it gave some, ours otherwise. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = problemMessage(error, t);
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
