import { Button, Empty } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { countryName, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ListTable } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Chart } from '@/components/chart/Chart';
import type { EChartsCoreOption } from '@/components/chart/echarts';
import '@/components/styles/dashboard.css';
import { downloadSummaryCsv, useSummary, yuan } from './use-duties';
import './duties.css';

const PROVINCES = ['350000', '210000', '370000'];

/** The ministry's (or a province's) figures of a year's annual reports, with placements abroad by destination. */
export function AnnualReportSummaryPage() {
  const t = useT().duties;
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const province = params.get('province') ?? undefined;
  const summary = useSummary(year, province);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const set = (name: string, value: string) => {
    const copy = new URLSearchParams(params);
    if (value) copy.set(name, value);
    else copy.delete(name);
    setParams(copy);
  };
  const percent = (rate: number) => `${(rate * 100).toLocaleString(language, { maximumFractionDigits: 1 })}%`;
  const s = summary.data;
  const destinations = useMemo(() => s?.byDestination ?? [], [s]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: t.workers },
      yAxis: { type: 'category', inverse: true, data: destinations.map((d) => countryName(d.country, language)) },
      series: [{ type: 'bar', name: t.workers, data: destinations.map((d) => d.workers), itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'right' } }],
    }),
    [destinations, language, t.workers],
  );
  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    await downloadSummaryCsv(year, province).catch(setDownloadError);
    setDownloading(false);
  };

  return (
    <div className="stack wide-page">
      <PageHeading title={t.summaryTitle(year)} intro={t.summaryIntro} />
      <div className="filter-bar">
        <label>
          {t.year}
          <select value={year} onChange={(e) => set('year', e.target.value)} data-testid="summary-year">
            {Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - 1 - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.province}
          <select value={province ?? ''} onChange={(e) => set('province', e.target.value)} data-testid="summary-province">
            <option value="">{t.allProvinces}</option>
            {PROVINCES.map((code) => (
              <option key={code} value={code}>
                {s?.byProvince.find((p) => p.provinceCode === code)?.[language === 'en' ? 'provinceNameEn' : 'provinceNameZh'] ?? code}
              </option>
            ))}
          </select>
        </label>
        <div style={{ alignSelf: 'end' }}>
          <Button onClick={() => void download()} loading={downloading} data-testid="download-summary">
            {t.downloadCsv}
          </Button>
        </div>
      </div>
      {downloadError ? <ProblemAlert error={downloadError} /> : null}
      {summary.isPending && <Loading />}
      {summary.error && <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && (
        <>
          <section className="panel" aria-labelledby="filing">
            <h2 id="filing">{t.filingTitle}</h2>
            <dl className="facts" data-testid="filing">
              <dt>{t.obliged}</dt>
              <dd>{s.filing.obliged}</dd>
              <dt>{t.filed}</dt>
              <dd>{s.filing.filed}</dd>
              <dt>{t.filingRate}</dt>
              <dd data-testid="filing-rate">{percent(s.filing.filingRate)}</dd>
              <dt>{t.awaitingReview}</dt>
              <dd>{s.filing.awaitingReview}</dd>
              <dt>{t.returned}</dt>
              <dd>{s.filing.returned}</dd>
              <dt>{t.overdue}</dt>
              <dd>{s.filing.overdue}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="destinations">
            <h2 id="destinations">{t.destinationsTitle}</h2>
            {destinations.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />
            ) : (
              <div className="chart-and-table">
                <Chart option={option} label={t.destinationsTitle} height={Math.max(200, destinations.length * 32 + 40)} testId="destinations-chart" />
                <ListTable
                  bounded
                  label={t.destinationsTitle}
                  testId="destinations-table"
                  items={destinations}
                  rowKey={(d) => d.country}
                  columns={[
                    { header: t.country, cell: (d) => countryName(d.country, language) },
                    { header: t.workers, cell: (d) => d.workers },
                  ]}
                />
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="by-province">
            <h2 id="by-province">{t.byProvinceTitle}</h2>
            <ListTable
              bounded
              label={t.byProvinceTitle}
              testId="province-table"
              items={[...s.byProvince.map((p) => ({ key: p.provinceCode, name: language === 'en' ? p.provinceNameEn : p.provinceNameZh, filing: p.filing, totals: p.totals })), { key: 'all', name: t.total, filing: s.filing, totals: s.totals }]}
              rowKey={(row) => row.key}
              columns={[
                { header: t.province, cell: (row) => row.name },
                { header: t.filingRate, cell: (row) => percent(row.filing.filingRate) },
                { header: t.fields.workersPlacedDomestic, cell: (row) => row.totals.workersPlacedDomestic },
                { header: t.fields.workersPlacedAbroad, cell: (row) => row.totals.workersPlacedAbroad },
                { header: t.fields.feesFromEmployers, cell: (row) => yuan(row.totals.feesFromEmployersFen) },
                { header: t.fields.feesChargedToWorkersAbroad, cell: (row) => yuan(row.totals.feesChargedToWorkersAbroadFen) },
                { header: t.feeFlags, cell: (row) => row.totals.feeFlags },
              ]}
            />
          </section>
          <section className="panel" aria-labelledby="fee-flags">
            <h2 id="fee-flags">{t.feeFlagsTitle}</h2>
            <p className="page-intro">{t.feeFlagExplained}</p>
            {s.feeFlags.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noFeeFlags} />
            ) : (
              <ul className="duties-licences" data-testid="fee-flag-list">
                {s.feeFlags.map((flag) => (
                  <li key={flag.reportId}>
                    <Link to={`/annual-reports/${flag.reportId}`}>{language === 'en' && flag.agencyNameEn ? flag.agencyNameEn : flag.agencyNameZh}</Link>
                    <span>{yuan(flag.feesChargedToWorkersAbroadFen)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
