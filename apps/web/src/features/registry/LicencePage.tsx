import { Link, useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { countryName, formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NotFoundPage } from '@/components/NotFoundPage';
import { CertificateButton } from '@/components/CertificateButton';
import { PageHeading } from '@/components/PageHeading';
import { ListTable, WRAP } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { agencyName } from '@/utils/agency-name';
import { LicenceActions } from './LicenceActions';
import { LICENCE_TONE, useLicence } from './use-registry';
import '@/components/styles/dashboard.css';
import './registry.css';
import '@/components/styles/text-table.css';

/** A licence with its whole history of events, and the lifecycle actions the reader may take. */
export function LicencePage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const licence = useLicence(id);
  const r = t.bureau.registry;
  if (licence.isPending) return <Loading />;
  if (isProblem(licence.error, 404)) return <NotFoundPage />;
  if (licence.error) return <ProblemAlert error={licence.error} onRetry={() => void licence.refetch()} />;
  const l = licence.data;
  const activity = (code: string) => (t.activity as Record<string, string>)[code] ?? code;

  return (
    <div className="stack wide-page">
      <PageHeading title={r.licenceTitle(l.licenceNumber)} />
      <p className="no-print">
        <CertificateButton licenceId={l.id} licenceNumber={l.licenceNumber} />
      </p>
      <section className="panel" aria-labelledby="licence-facts">
        <h2 id="licence-facts">{r.details}</h2>
        <dl className="facts" data-testid="licence-facts">
          <dt>{r.holder}</dt>
          <dd>{role === 'agency_user' ? agencyName(l, language) : <Link to={`/registry/agencies/${l.agencyId}`}>{agencyName(l, language)}</Link>}</dd>
          <dt>{r.licenceType}</dt>
          <dd>{t.licenceType[l.licenceType]}</dd>
          <dt>{r.status}</dt>
          <dd data-testid="licence-status">
            <StatusTag tone={LICENCE_TONE[l.status]}>{t.licenceStatus[l.status]}</StatusTag>
            {l.suspendedUntil && <span className="agency-meta-inline"> {r.suspendedUntil(formatDate(l.suspendedUntil, language))}</span>}
          </dd>
          <dt>{r.validFrom}</dt>
          <dd>{formatDate(l.validFrom, language)}</dd>
          <dt>{r.expiresOn}</dt>
          <dd>{formatDate(l.expiresOn, language)}</dd>
          <dt>{r.activities}</dt>
          <dd>{l.scope.activities.map(activity).join('、') || '—'}</dd>
          <dt>{r.destinations}</dt>
          <dd>{l.scope.destinationCountries.map((c) => countryName(c, language)).join('、') || '—'}</dd>
          <dt>{r.issuedBy}</dt>
          <dd>{l.issuedByBureauName}</dd>
          {l.conditions && (
            <>
              <dt>{r.conditions}</dt>
              <dd>{l.conditions}</dd>
            </>
          )}
          {l.reserveFundAmount !== null && l.reserveFundAmount !== undefined && (
            <>
              <dt>{r.reserveFund}</dt>
              <dd>{t.bureau.common.yuan(l.reserveFundAmount)}</dd>
            </>
          )}
        </dl>
        <p className="registry-links">
          <Link to={`/verify/${l.licenceNumber}`}>{r.publicView}</Link>
        </p>
      </section>
      {(role === 'bureau_admin' || role === 'agency_user') && <LicenceActions licence={l} allowed={role === 'bureau_admin' ? ['suspend', 'reinstate', 'revoke', 'surrender'] : ['surrender']} />}
      <section className="panel" aria-labelledby="licence-history">
        <h2 id="licence-history">{r.licenceHistory}</h2>
        <ListTable
          label={r.licenceHistory}
          testId="licence-events"
          className="text-table"
          items={[...l.events].reverse()}
          rowKey={(event) => event.id}
          columns={[
            { header: r.when, cell: (event) => formatDate(event.occurredAt, language, true) },
            { header: r.event, cell: (event) => t.bureau.licenceEvent[event.kind] },
            { header: r.change, cell: (event) => (event.fromStatus ? `${statusName(t, event.fromStatus)} → ${statusName(t, event.toStatus)}` : statusName(t, event.toStatus)) },
            { header: r.reason, cell: (event) => event.reason ?? '—', cellProps: WRAP },
            { header: r.by, cell: (event) => event.actorUsername },
          ]}
        />
      </section>
    </div>
  );
}

function statusName(t: ReturnType<typeof useT>, status: string): string {
  return (t.licenceStatus as Record<string, string>)[status] ?? status;
}
