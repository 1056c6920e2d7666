import { Alert, Button, Empty, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useComplaintStatus, type TrackingCredentials } from './use-complaint-status';
import { Loading } from '@/components/Loading';

const TRACKING_CODE = /^CP-[A-Z0-9]{5}-[A-Z0-9]{5}$/;
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

  return (
    <div className="stack">
      <PageHeading title={t.track.title} intro={t.track.intro} />
      <Form<TrackingCredentials>
        layout="vertical"
        className="panel no-print"
        initialValues={credentials ?? { code: '', secret: '' }}
        onFinish={(values) => setCredentials({ code: values.code.trim().toUpperCase(), secret: values.secret.trim() })}
      >
        <Form.Item
          name="code"
          label={t.track.code}
          validateTrigger="onSubmit"
          rules={[
            { required: true, whitespace: true, message: t.track.codeRequired },
            { validator: (_, value: string) => (!value || TRACKING_CODE.test(value.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t.track.codeFormat))) },
          ]}
        >
          <Input placeholder={t.track.codePlaceholder} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Form.Item name="secret" label={t.track.secret} validateTrigger="onSubmit" rules={[{ required: true, whitespace: true, message: t.track.secretRequired }]}>
          <Input.Password autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={status.isFetching}>
          {t.track.submit}
        </Button>
      </Form>

      {credentials && status.isPending && (
        <Loading />
      )}
      {isProblem(status.error, 404) && <Alert type="error" showIcon role="alert" title={t.track.notFound} />}
      {status.error && !isProblem(status.error, 404) && <ProblemAlert error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <section className="panel" aria-labelledby="complaint-status" data-testid="complaint-status">
          <h2 id="complaint-status">
            {t.track.status}:{' '}
            <Tag variant="solid" color={STATUS_COLOUR[status.data.status] ?? '#a64300'} className="status-tag" data-testid="status">
              {t.complaintStatus[status.data.status]}
            </Tag>
          </h2>
          <p>{t.complaintStatusHelp[status.data.status]}</p>
          {status.data.urgent && <Alert type="error" showIcon role="note" title={t.track.urgent} />}
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
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.track.noNotes} />
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
