import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { Button } from './public-ui/Button';
import { Field, describedBy } from './public-ui/Field';

export { looksLikeNumber, normaliseNumber } from '@/utils/licence-number';
import { looksLikeNumber, normaliseNumber } from '@/utils/licence-number';

/** The one field of the check: used on the home page and on /verify (no Ant Design: a worker's first load). */
export function VerifyForm({ initial, autoFocus }: { initial?: string; autoFocus?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [number, setNumber] = useState(initial ?? '');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return setError(t.verify.required);
    if (!looksLikeNumber(normaliseNumber(number))) return setError(t.verify.badFormat);
    setError(undefined);
    void navigate(`/verify/${encodeURIComponent(normaliseNumber(number))}`);
  };

  return (
    <form onSubmit={submit} className="verify-form" noValidate>
      <Field id="number" label={t.verify.label} extra={t.verify.intro} error={error}>
        <input
          id="number"
          className="pu-input pu-input-large"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          placeholder={t.verify.placeholder}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('number', t.verify.intro, error)}
        />
      </Field>
      <Button variant="primary" type="submit" size="large" block>
        {t.verify.submit}
      </Button>
    </form>
  );
}
