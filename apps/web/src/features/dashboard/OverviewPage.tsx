import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useProvinces } from '@/lib/api/reference';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SanctionsInPeriod } from './SanctionsInPeriod';
import { useOverview } from './api/get-overview';
import { useRiskiest } from './api/get-riskiest';
import '@/components/styles/dashboard.css';

const LICENCE_STATUSES = ['active', 'suspended', 'revoked', 'surrendered', 'expired'] as const;

/** The ministry's (or a bureau's) figures at a glance, each leading to the list behind it where there is one. */
export function OverviewPage() {
  const t = useT();
  const language = useLanguage();
  const overview = useOverview(language);
  const riskiest = useRiskiest();
  const provinces = useProvinces();
  const provinceName = (code: string) => {
    const province = provinces.data?.find((p) => p.code === code);
    return province ? (language === 'en' ? province.nameEn : province.nameZh) : code;
  };
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const byProvince = new Map<string, Map<string, number>>();
  for (const row of o.licencesByStatusAndProvince) {
    if (!byProvince.has(row.province)) byProvince.set(row.province, new Map());
    byProvince.get(row.province)!.set(row.status, row.licences);
  }
  const statuses = LICENCE_STATUSES.filter((s) => o.licencesByStatusAndProvince.some((r) => r.status === s));
  const total = o.licencesByStatusAndProvince.reduce((sum, r) => sum + r.licences, 0);
  const rate = (value: number | null | undefined) => (value === null || value === undefined ? t.overview.notKept : t.overview.rate(value));
  const agencyName = (a: { nameZh: string; nameEn?: string | null }) => (language === 'en' && a.nameEn ? a.nameEn : a.nameZh);

  return (
    <div className="stack wide-page dashboard-page">
      <PageHeading title={t.overview.title} intro={t.overview.intro(formatDate(o.asOf, language))} />
      <p className="print-only">{t.trends.printedOn(formatDate(new Date(), language))}</p>
      <div className="figure-grid" data-testid="overview-figures">
        <Figure testId="licences-total" label={t.overview.licencesTotal} value={String(total)} to="/agencies" />
        <Figure testId="inspection-coverage" label={t.overview.inspectionCoverage} value={rate(o.inspectionCoverage.rate)} detail={t.overview.inspectionCoverageDetail(o.inspectionCoverage.count, o.inspectionCoverage.of)} />
        <Figure testId="self-assessment" label={t.overview.selfAssessment} value={rate(o.selfAssessmentSubmission.rate)} detail={t.overview.selfAssessmentDetail(o.selfAssessmentSubmission.count, o.selfAssessmentSubmission.of)} />
        <Figure testId="open-complaints" label={t.overview.openComplaints} value={String(o.complaints.open)} to="/complaints" />
        <Figure testId="overdue-complaints" label={t.overview.overdueComplaints} value={String(o.complaints.overdue)} to="/complaints?overdue=true" />
        <Figure testId="breached-ever" label={t.overview.breachedEver} value={String(o.complaints.breachedEver)} />
      </div>

      <SanctionsInPeriod sanctions={o.sanctions} provinceName={provinceName} />

      <section className="panel" aria-labelledby="licences">
        <h2 id="licences">{t.overview.licences}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.overview.licences} style={{ maxHeight: 'none' }}>
          <table className="figures" data-testid="licence-table">
            <thead>
              <tr>
                <th scope="col">{t.overview.provinceColumn}</th>
                {statuses.map((s) => (
                  <th scope="col" key={s}>
                    {t.licenceStatus[s]}
                  </th>
                ))}
                <th scope="col">{t.overview.totalColumn}</th>
              </tr>
            </thead>
            <tbody>
              {[...byProvince.entries()].map(([province, counts]) => (
                <tr key={province} data-province={province}>
                  <th scope="row">{provinceName(province)}</th>
                  {statuses.map((s) => (
                    <td key={s} data-status={s}>
                      {counts.get(s) ? <Link to={`/agencies?province=${province}&status=${s}`}>{counts.get(s)}</Link> : 0}
                    </td>
                  ))}
                  <td>{[...counts.values()].reduce((a, b) => a + b, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="riskiest">
        <h2 id="riskiest">{t.overview.riskiest}</h2>
        {riskiest.isPending && <Loading />}
        {riskiest.error && <ProblemAlert error={riskiest.error} onRetry={() => void riskiest.refetch()} />}
        {riskiest.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.overview.noRisk} />}
        {riskiest.data && riskiest.data.length > 0 && (
          <table className="figures" data-testid="riskiest">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {t.trends.agency}
                </th>
                <th scope="col">{t.overview.riskScore}</th>
              </tr>
            </thead>
            <tbody>
              {riskiest.data.map((a) => (
                <tr key={a.agencyId}>
                  <td>{a.rank}</td>
                  <th scope="row" style={{ whiteSpace: 'normal' }}>
                    <Link to={`/complaints?agencyId=${a.agencyId}`}>{agencyName(a)}</Link>
                  </th>
                  <td>{a.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value, detail, to, testId }: { label: string; value: string; detail?: string; to?: string; testId: string }) {
  const body: ReactNode = <span className="figure-value" data-testid={testId}>{value}</span>;
  return (
    <div className="figure">
      <span>{label}</span>
      {to ? <Link to={to}>{body}</Link> : body}
      {detail && <span className="agency-meta">{detail}</span>}
    </div>
  );
}
