import { Link, useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NotFoundPage } from '@/components/NotFoundPage';
import { PageHeading } from '@/components/PageHeading';
import { ListTable } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { agencyName } from '@/utils/agency-name';
import { LICENCE_TONE, useAgencyProfile } from './use-registry';
import { AgencyHistory } from './AgencyHistory';
import '@/components/styles/dashboard.css';
import './registry.css';
import '@/components/styles/text-table.css';

/** An agency with everything the register knows of it: licences, inspections, self-assessments, complaints, risk. */
export function AgencyPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const profile = useAgencyProfile(id);
  const r = t.bureau.registry;
  if (profile.isPending) return <Loading />;
  if (isProblem(profile.error, 404)) return <NotFoundPage />;
  if (profile.error) return <ProblemAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const { agency, licences, risk } = profile.data;
  const isAdmin = session.status === 'signedIn' && session.me.role === 'bureau_admin';

  return (
    <div className="stack wide-page">
      <PageHeading title={agencyName(agency, language)} />
      <section className="panel" aria-labelledby="agency-facts">
        <h2 id="agency-facts">{r.details}</h2>
        <dl className="facts" data-testid="agency-facts">
          {language === 'en' && agency.nameEn && (
            <>
              <dt>{r.nameZh}</dt>
              <dd lang="zh-CN">{agency.nameZh}</dd>
            </>
          )}
          <dt>{r.uscc}</dt>
          <dd>{agency.uscc}</dd>
          <dt>{r.agencyType}</dt>
          <dd>{t.bureau.agencyType[agency.agencyType]}</dd>
          <dt>{r.legalRepresentative}</dt>
          <dd>{agency.legalRepresentative}</dd>
          <dt>{r.address}</dt>
          <dd>{agency.address}</dd>
          <dt>{r.jurisdiction}</dt>
          <dd>{agency.jurisdictionCode}</dd>
          <dt>{r.contact}</dt>
          <dd>{[agency.contactName, agency.contactPhone, agency.contactEmail].filter(Boolean).join(' · ') || '—'}</dd>
        </dl>
        <p className="registry-links">
          <Link to={`/applications?agencyId=${agency.id}`}>{r.applicationsOf}</Link>
          <Link to={`/self-assessments?agencyId=${agency.id}`}>{isAdmin ? r.selfAssessmentsOfAdmin : r.selfAssessmentsOf}</Link>
          <Link to={`/complaints?agencyId=${agency.id}`}>{r.complaintsOf}</Link>
          {agency.agencyType === 'labour_service_cooperation' && <Link to={`/reserve-funds/${agency.id}`}>{t.duties.nav.reserveFund}</Link>}
        </p>
      </section>

      <section className="panel" aria-labelledby="agency-risk">
        <h2 id="agency-risk">
          {r.risk}: <span data-testid="risk-score">{risk?.score ?? agency.riskScore ?? '—'}</span>
        </h2>
        {(risk?.factors.length ?? 0) === 0 ? (
          <p>{r.noRiskFactors}</p>
        ) : (
          <ul className="risk-factors">
            {risk?.factors.map((factor) => (
              <li key={factor.factor}>
                <strong>{(r.riskFactor as Record<string, string>)[factor.factor] ?? factor.factor}</strong>: {r.points(factor.points)}
                <span className="agency-meta-inline" lang="en">
                  {' '}
                  ({factor.detail})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="agency-licences">
        <h2 id="agency-licences">{r.licences}</h2>
        {licences.length === 0 ? (
          <p>{r.noLicences}</p>
        ) : (
          <ListTable
            label={r.licences}
            testId="agency-licences"
            className="text-table"
            items={licences}
            rowKey={(licence) => licence.id}
            columns={[
              { header: r.licenceNumber, cell: (licence) => <Link to={`/registry/licences/${licence.id}`}>{licence.licenceNumber}</Link> },
              { header: r.licenceType, cell: (licence) => t.licenceType[licence.licenceType] },
              { header: r.status, cell: (licence) => <StatusTag tone={LICENCE_TONE[licence.status]}>{t.licenceStatus[licence.status]}</StatusTag> },
              { header: r.validFrom, cell: (licence) => formatDate(licence.validFrom, language) },
              { header: r.expiresOn, cell: (licence) => formatDate(licence.expiresOn, language) },
            ]}
          />
        )}
      </section>
      <AgencyHistory profile={profile.data} />
    </div>
  );
}
