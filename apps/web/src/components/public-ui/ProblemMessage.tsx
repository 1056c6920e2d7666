import { problemMessage } from '@/lib/api/problem-message';
import { useT } from '@/lib/i18n/use-i18n';
import { Alert } from './Alert';
import { Button } from './Button';

/** ProblemAlert for the public pages: an error in the reader's language, without Ant Design. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = problemMessage(error, t);
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
