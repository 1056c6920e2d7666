import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { countryName, formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { Loading } from '@/components/Loading';
import { NotFoundPage } from '@/components/NotFoundPage';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { agencyName } from '@/utils/agency-name';
import { APPLICATION_TONE, useApplication, useApplicationAction, type Application } from './use-applications';
import '@/components/styles/dashboard.css';

const OPEN = ['submitted', 'resubmitted', 'under_review'];

/** One application: what it asks for, where it stands, and what the reader may do with it now. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const application = useApplication(id);
  const a = t.bureau.applications;

  if (application.isPending) return <Loading />;
  if (isProblem(application.error, 404)) return <NotFoundPage />;
  if (application.error) return <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />;
  const app = application.data;
  const activity = (code: string) => (t.activity as Record<string, string>)[code] ?? code;

  return (
    <div className="stack wide-page">
      <PageHeading title={`${a.titleOne}: ${agencyName(app, language)}`} />
      <section className="panel" aria-labelledby="application-facts">
        <h2 id="application-facts">{a.details}</h2>
        <dl className="facts" data-testid="application-facts">
          <dt>{a.agency}</dt>
          <dd>{role === 'agency_user' ? <Link to="/my-agency">{agencyName(app, language)}</Link> : <Link to={`/registry/agencies/${app.agencyId}`}>{agencyName(app, language)}</Link>}</dd>
          <dt>{a.kind}</dt>
          <dd>{t.bureau.applicationKind[app.kind]}</dd>
          <dt>{a.licenceType}</dt>
          <dd>{t.licenceType[app.licenceType]}</dd>
          <dt>{a.activities}</dt>
          <dd>{app.requestedScope.activities.map(activity).join('、') || '—'}</dd>
          <dt>{a.destinations}</dt>
          <dd>{app.requestedScope.destinationCountries.map((c) => countryName(c, language)).join('、') || '—'}</dd>
          {app.requestedConditions && (
            <>
              <dt>{a.conditions}</dt>
              <dd>{app.requestedConditions}</dd>
            </>
          )}
          {app.reserveFundAmount !== null && app.reserveFundAmount !== undefined && (
            <>
              <dt>{a.reserveFund}</dt>
              <dd>{t.bureau.common.yuan(app.reserveFundAmount)}</dd>
            </>
          )}
          {app.note && (
            <>
              <dt>{a.note}</dt>
              <dd>{app.note}</dd>
            </>
          )}
          <dt>{a.submittedOn}</dt>
          <dd>{formatDate(app.createdAt, language, true)}</dd>
          <dt>{a.status}</dt>
          <dd>
            <StatusTag tone={APPLICATION_TONE[app.status]}>{t.bureau.applicationStatus[app.status]}</StatusTag>
          </dd>
          {app.decisionReason && (
            <>
              <dt>{a.reason}</dt>
              <dd data-testid="decision-reason">{app.decisionReason}</dd>
            </>
          )}
          {app.decidedAt && (
            <>
              <dt>{a.decidedAt}</dt>
              <dd>{formatDate(app.decidedAt, language, true)}</dd>
            </>
          )}
          {app.licenceNumber && (
            <>
              <dt>{a.licenceNumber}</dt>
              <dd>{app.resultingLicenceId || app.licenceId ? <Link to={`/registry/licences/${app.resultingLicenceId ?? app.licenceId}`}>{app.licenceNumber}</Link> : app.licenceNumber}</dd>
            </>
          )}
        </dl>
      </section>
      {app.status === 'approved' && app.licenceNumber && app.kind === 'new' && (
        <Alert
          type="success"
          showIcon
          data-testid="issued"
          title={a.issued(app.licenceNumber)}
          description={
            <Link to={`/verify/${app.licenceNumber}`} data-testid="verify-link" style={{ color: '#135200', textDecoration: 'underline' }}>
              {a.verifyPublicly}
            </Link>
          }
        />
      )}
      {role === 'bureau_admin' && OPEN.includes(app.status) && <Decide application={app} />}
      {role === 'agency_user' && app.status === 'returned' && <Resubmit application={app} />}
    </div>
  );
}

function Decide({ application }: { application: Application }) {
  const t = useT();
  const a = t.bureau.applications;
  const action = useApplicationAction(application);
  const [form] = Form.useForm<{ decision: 'approve' | 'refuse' | 'return'; reason?: string }>();
  const decision = Form.useWatch('decision', form);
  const submit = (values: { decision: 'approve' | 'refuse' | 'return'; reason?: string }) =>
    action.mutate({ kind: 'decide', decision: values.decision, reason: values.reason?.trim() || undefined }, { onError: (error) => form.setFields(fieldErrors(error) as never) });

  return (
    <section className="panel" aria-labelledby="decide">
      <h2 id="decide">{a.decideTitle}</h2>
      {application.status !== 'under_review' && (
        <p>
          <Button onClick={() => action.mutate({ kind: 'start-review' })} loading={action.isPending && action.variables?.kind === 'start-review'}>
            {a.startReview}
          </Button>{' '}
          <span className="agency-meta-inline">{a.startReviewHelp}</span>
        </p>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'approve' }}>
        <Form.Item name="decision" label={a.decision}>
          <Radio.Group>
            <Radio value="approve">{a.approve}</Radio>
            <Radio value="refuse">{a.refuse}</Radio>
            <Radio value="return">{a.return}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={decision === 'approve' ? `${a.reason} ${t.common.optional}` : a.reason}
          extra={decision === 'return' ? a.returnHelp : undefined}
          rules={decision === 'approve' ? [] : [{ required: true, whitespace: true, min: 3, message: a.reasonRequired }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.isPending && action.variables?.kind === 'decide'}>
          {a.confirmDecision}
        </Button>
      </Form>
      {action.error && !(isProblem(action.error, 400) && action.error.errors.length > 0) && (
        <div style={{ marginTop: 12 }}>
          <ActionProblem error={action.error} />
        </div>
      )}
    </section>
  );
}

function Resubmit({ application }: { application: Application }) {
  const t = useT();
  const a = t.bureau.applications;
  const action = useApplicationAction(application);
  const [note, setNote] = useState('');
  return (
    <section className="panel" aria-labelledby="resubmit">
      <h2 id="resubmit">{a.resubmitTitle}</h2>
      <p>{a.resubmitHelp}</p>
      <label htmlFor="resubmit-note">{a.note}</label>
      <Input.TextArea id="resubmit-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button type="primary" style={{ marginTop: 12 }} onClick={() => action.mutate({ kind: 'resubmit', note: note.trim() || undefined })} loading={action.isPending}>
        {a.resubmit}
      </Button>
      {action.error && (
        <div style={{ marginTop: 12 }}>
          <ActionProblem error={action.error} />
        </div>
      )}
    </section>
  );
}
