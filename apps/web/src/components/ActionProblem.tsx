import { Alert } from 'antd';
import { ApiProblem } from '@/lib/api/problem';
import { useT } from '@/lib/i18n/use-i18n';
import { ProblemAlert } from './ProblemAlert';

/**
 * The refusal of an action, explained: a 409 says whether someone else changed the record first
 * (stale version) or the record's state does not allow the action, beside the API's own words
 * (already in the reader's language); anything else is shown as ProblemAlert does.
 */
export function ActionProblem({ error }: { error: unknown }) {
  const t = useT();
  if (!(error instanceof ApiProblem) || error.status !== 409) return <ProblemAlert error={error} />;
  const explanation = error.slug === 'stale-version' ? t.bureau.conflict.stale : error.slug === 'illegal-transition' ? t.bureau.conflict.illegal : t.bureau.conflict.other;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="action-conflict"
      title={explanation}
      description={error.detail ?? error.title}
    />
  );
}

/** Field errors of a 400, by field name, for antd Form.setFields. */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiProblem)) return [];
  return error.errors.map((e) => ({ name: e.field, errors: [e.message] }));
}

/** The field errors a form has no field for (a nested or server-only field), listed under it. */
export function UnplacedErrors({ error, fields }: { error: unknown; fields: string[] }) {
  if (!(error instanceof ApiProblem)) return null;
  const unplaced = error.errors.filter((e) => !fields.includes(e.field));
  if (error.errors.length > 0 && unplaced.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <ActionProblem error={error} />
      {unplaced.length > 0 && (
        <ul className="alert-list" style={{ marginTop: 8 }}>
          {unplaced.map((e, index) => (
            <li key={index}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
