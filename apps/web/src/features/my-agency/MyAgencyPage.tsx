import { Alert, Button, Empty, Form, Input, message as antMessage } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { agencyName } from '@/utils/agency-name';
import { ApplyModal, type ApplyKind } from './ApplyModal';
import { renewalWindow, useAgency, useAgencyLicences, useCreateApplication, useUpdateContacts, type LicenceView } from './use-my-agency';
import '@/components/styles/dashboard.css';
import './my-agency.css';

const TONE = { active: 'ok', suspended: 'warn', revoked: 'bad', surrendered: 'off', expired: 'off' } as const;

/** The agency's own page: its record with editable contacts, its licences and their renewal windows. */
export function MyAgencyPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const agencyId = session.status === 'signedIn' ? session.me.agencyId : undefined;
  const agency = useAgency(agencyId);
  const licences = useAgencyLicences(agencyId);
  const m = t.bureau.myAgency;
  const [applying, setApplying] = useState<{ kind: ApplyKind; licence?: LicenceView }>();
  const renew = useCreateApplication();
  const navigate = useNavigate();

  if (agency.isPending) return <Loading />;
  if (agency.error) return <ProblemAlert error={agency.error} onRetry={() => void agency.refetch()} />;
  const a = agency.data;

  return (
    <div className="stack wide-page">
      <PageHeading title={agencyName(a, language)} intro={m.intro} />
      <section className="panel" aria-labelledby="my-agency-facts">
        <h2 id="my-agency-facts">{m.record}</h2>
        <dl className="facts">
          <dt>{t.bureau.registry.uscc}</dt>
          <dd>{a.uscc}</dd>
          <dt>{t.bureau.registry.agencyType}</dt>
          <dd>{t.bureau.agencyType[a.agencyType]}</dd>
          <dt>{t.bureau.registry.legalRepresentative}</dt>
          <dd>{a.legalRepresentative}</dd>
          <dt>{t.bureau.registry.address}</dt>
          <dd>{a.address}</dd>
        </dl>
        <p className="page-intro" style={{ marginTop: 12 }}>
          {m.recordHelp}
        </p>
      </section>
      <Contacts key={a.version} />

      <section className="panel" aria-labelledby="my-licences">
        <div className="panel-heading">
          <h2 id="my-licences">{m.licences}</h2>
          <Button onClick={() => setApplying({ kind: 'new' })}>{m.applyNew}</Button>
        </div>
        {licences.isPending && <Loading />}
        {licences.error && <ProblemAlert error={licences.error} />}
        {licences.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noLicences} />}
        <ul className="result-list" data-testid="my-licences">
          {licences.data?.map((licence) => {
            const window = renewalWindow(licence);
            return (
              <li key={licence.id} className="panel" data-licence={licence.licenceNumber}>
                <div className="panel-heading">
                  <h3 style={{ margin: 0 }}>
                    <Link to={`/registry/licences/${licence.id}`}>{licence.licenceNumber}</Link>
                  </h3>
                  <StatusTag tone={TONE[licence.status]}>{t.licenceStatus[licence.status]}</StatusTag>
                </div>
                <dl className="facts">
                  <dt>{t.bureau.registry.licenceType}</dt>
                  <dd>{t.licenceType[licence.licenceType]}</dd>
                  <dt>{t.bureau.registry.expiresOn}</dt>
                  <dd>{formatDate(licence.expiresOn, language)}</dd>
                  <dt>{m.renewalWindow}</dt>
                  <dd data-testid="renewal-window">{window.open ? m.windowOpen(formatDate(licence.expiresOn, language)) : window.upcoming ? m.windowOpens(formatDate(window.opensOn, language)) : m.windowClosed}</dd>
                </dl>
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
                  {window.open && (
                    <Button
                      type="primary"
                      loading={renew.isPending && renew.variables?.licenceId === licence.id}
                      onClick={() => renew.mutate({ kind: 'renewal', licenceId: licence.id }, { onSuccess: (created) => void navigate(`/applications/${created.id}`) })}
                    >
                      {m.applyRenewal}
                    </Button>
                  )}
                  {(licence.status === 'active' || licence.status === 'suspended') && <Button onClick={() => setApplying({ kind: 'variation', licence })}>{m.applyVariation}</Button>}
                </div>
              </li>
            );
          })}
        </ul>
        {renew.error && <ActionProblem error={renew.error} />}
        <p style={{ marginTop: 12 }}>
          <Link to="/applications">{m.myApplications}</Link> · <Link to="/self-assessments">{m.mySelfAssessments}</Link> · <Link to="/my-agency/complaints">{m.myComplaints}</Link> ·{' '}
          <Link to="/corrective-actions">{m.correctiveActions}</Link>
        </p>
      </section>
      {applying && <ApplyModal kind={applying.kind} licence={applying.licence} agencyType={a.agencyType} onClose={() => setApplying(undefined)} />}
    </div>
  );
}

function Contacts() {
  const t = useT();
  const m = t.bureau.myAgency;
  const session = useSession();
  const agency = useAgency(session.status === 'signedIn' ? session.me.agencyId : undefined);
  const update = useUpdateContacts(agency.data);
  const [message, holder] = antMessage.useMessage();
  const [form] = Form.useForm<{ contactName?: string; contactPhone?: string; contactEmail?: string }>();
  if (!agency.data) return null;
  const a = agency.data;
  return (
    <section className="panel" aria-labelledby="contacts">
      {holder}
      <h2 id="contacts">{m.contacts}</h2>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contactName: a.contactName ?? '', contactPhone: a.contactPhone ?? '', contactEmail: a.contactEmail ?? '' }}
        onFinish={(values) =>
          update.mutate(
            Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()])),
            { onSuccess: () => void message.success(m.contactsSaved), onError: (error) => form.setFields(fieldErrors(error) as never) },
          )
        }
      >
        <div className="form-grid">
          <Form.Item name="contactName" label={m.contactName}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="contactPhone" label={m.contactPhone}>
            <Input type="tel" maxLength={30} />
          </Form.Item>
          <Form.Item name="contactEmail" label={m.contactEmail} rules={[{ type: 'email', message: t.bureau.users.emailInvalid }]}>
            <Input type="email" maxLength={254} />
          </Form.Item>
        </div>
        <Button htmlType="submit" loading={update.isPending}>
          {m.saveContacts}
        </Button>
      </Form>
      {update.error && !(isProblem(update.error, 400) && update.error.errors.length > 0) && (
        <div style={{ marginTop: 12 }}>
          <ActionProblem error={update.error} />
        </div>
      )}
      {update.isSuccess && <Alert type="success" showIcon role="status" title={m.contactsSaved} style={{ marginTop: 12 }} />}
    </section>
  );
}
