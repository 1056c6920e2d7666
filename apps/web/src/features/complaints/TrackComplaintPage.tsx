import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { Alert, Button, Empty, Field, ProblemMessage, Tag, describedBy } from '@/components/public-ui';
import { useComplaintStatus, type TrackingCredentials } from './use-complaint-status';
import { Loading } from '@/components/Loading';

const TRACKING_CODE = /^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/;

/** The code as a phone types it (full width, spaces, no dashes), as the API reads it too. */
function normaliseCode(typed: string): string {
  const compact = typed.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—_]/g, '');
  return /^CP[A-Z0-9]{10}$/.test(compact) ? `CP-${compact.slice(2, 7)}-${compact.slice(7)}` : typed.trim().toUpperCase();
}
/** Solid colours with white text (contrast above 4.5:1); open complaints in amber. */
const STATUS_COLOUR: Record<string, string> = { resolved: '#1f6b06', closed: '#595959', dismissed: '#595959', referred: '#0b5cad' };

function fromState(state: unknown): TrackingCredentials | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const { code, secret } = state as Partial<TrackingCredentials>;
  return typeof code === 'string' && typeof secret === 'string' ? { code, secret } : undefined;
}

export function TrackComplaintPage() {
  const t = useT();
  const language = useLanguage();
  const location = useLocation();
  const [credentials, setCredentials] = useState<TrackingCredentials | undefined>(() => fromState(location.state));
  const status = useComplaintStatus(credentials);
  const [code, setCode] = useState(credentials?.code ?? '');
  const [secret, setSecret] = useState(credentials?.secret ?? '');
  const [showSecret, setShowSecret] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      code: !code.trim() ? t.track.codeRequired : !TRACKING_CODE.test(normaliseCode(code)) ? t.track.codeFormat : undefined,
      secret: !secret.trim() ? t.track.secretRequired : undefined,
    };
    setErrors(found);
    if (found.code || found.secret) {
      document.getElementById(found.code ? 'code' : 'secret')?.focus();
      return;
    }
    setCredentials({ code: normaliseCode(code), secret: secret.normalize('NFKC').trim() });
  };

  return (
    <div className="stack">
      <PageHeading title={t.track.title} intro={t.track.intro} />
      <form className="panel no-print" onSubmit={submit} noValidate>
        <Field id="code" label={t.track.code} error={errors.code}>
          <input
            id="code"
            className="pu-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t.track.codePlaceholder}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-required="true"
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy('code', undefined, errors.code)}
          />
        </Field>
        <Field id="secret" label={t.track.secret} error={errors.secret}>
          <div className="pu-password">
            <input
              id="secret"
              className="pu-input"
              type={showSecret ? 'text' : 'password'}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-required="true"
              aria-invalid={errors.secret ? true : undefined}
              aria-describedby={describedBy('secret', undefined, errors.secret)}
            />
            <Button size="small" onClick={() => setShowSecret((shown) => !shown)} aria-pressed={showSecret} aria-controls="secret">
              {showSecret ? t.track.hideSecret : t.track.showSecret}
            </Button>
          </div>
        </Field>
        <Button variant="primary" type="submit" size="large" block loading={status.isFetching}>
          {t.track.submit}
        </Button>
      </form>

      {credentials && status.isPending && (
        <Loading />
      )}
      {isProblem(status.error, 404) && <Alert type="error" role="alert" title={t.track.notFound} />}
      {isProblem(status.error, 429) && <Alert type="error" role="alert" title={t.track.locked} data-testid="locked" />}
      {status.error && !isProblem(status.error, 404) && !isProblem(status.error, 429) && <ProblemMessage error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <section className="panel" aria-labelledby="complaint-status" data-testid="complaint-status">
          <h2 id="complaint-status">
            {t.track.status}:{' '}
            <Tag color={STATUS_COLOUR[status.data.status] ?? '#a64300'} className="status-tag" data-testid="status">
              {t.complaintStatus[status.data.status]}
            </Tag>
          </h2>
          <p>{t.complaintStatusHelp[status.data.status]}</p>
          {status.data.urgent && <Alert type="error" role="note" title={t.track.urgent} />}
          <dl className="facts" style={{ marginTop: 12 }}>
            <dt>{t.receipt.trackingCode}</dt>
            <dd>{status.data.trackingCode}</dd>
            <dt>{t.track.receivedAt}</dt>
            <dd>{formatDate(status.data.receivedAt, language, true)}</dd>
            <dt>{t.track.ackDue}</dt>
            <dd>{formatDate(status.data.ackDueAt, language, true)}</dd>
            <dt>{t.track.resolveDue}</dt>
            <dd>{formatDate(status.data.resolveDueAt, language, true)}</dd>
          </dl>
          <h3>{t.track.notes}</h3>
          {status.data.notes.length === 0 ? (
            <Empty description={t.track.noNotes} />
          ) : (
            <ol className="steps" data-testid="notes">
              {status.data.notes.map((note) => (
                <li key={`${String(note.at)}-${note.note}`}>
                  <span className="agency-meta">{formatDate(note.at, language, true)}</span>
                  {note.note}
                </li>
              ))}
            </ol>
          )}
          <Button onClick={() => void status.refetch()} loading={status.isFetching} className="no-print" style={{ marginTop: 12 }}>
            {t.track.refresh}
          </Button>
        </section>
      )}
    </div>
  );
}
