import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useProvinces } from '@/lib/api/reference';
import type { components } from '@/lib/api/schema';
import { mayOpen } from '@/lib/auth/access';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ListTable } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Chart, type ChartClick } from '@/components/chart/Chart';
import { barOption, seriesOption, type SpikeMark } from './trend-charts';
import { useAgencyName } from './AgencyPicker';
import { TrendsFilterBar } from './TrendsFilterBar';
import { filtersFrom, paramsOf, type TrendFilters, type TrendGroup } from './trends-filters';
import { partialPeriod, pivot, topGroupsWithOthers, totalsByGroup } from './trends-table';
import { downloadTrendsCsv, useAlerts, useTrends } from './use-trends';
import '@/components/styles/dashboard.css';

type Spike = components['schemas']['SpikeAlert'];

/** The ministry's (and a bureau's, in its reach) complaint trends: two charts, their tables, the alerts. */
export function TrendsPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const barGroup: TrendGroup = filters.province ? 'agency' : 'province';
  const series = useTrends(filters);
  const bars = useTrends(filters, barGroup);
  const alerts = useAlerts(filters.province);
  const provinces = useProvinces();
  const [downloading, setDownloading] = useState<TrendGroup>();
  const [downloadError, setDownloadError] = useState<unknown>();

  const change = (next: Partial<TrendFilters>) => setParams(paramsOf({ ...filters, ...next }));
  const mayListComplaints = session.status === 'signedIn' && mayOpen(session.me.role, 'complaintsList');

  const grid = useMemo(() => pivot(series.data?.rows ?? []), [series.data]);
  const today = todayInShanghai();
  const running = partialPeriod(grid.periods, filters.granularity, today);
  const totals = useMemo(() => totalsByGroup(bars.data?.rows ?? []), [bars.data]);
  const shownSpikes = useMemo(() => relevantSpikes(alerts.data?.spikes ?? [], filters), [alerts.data, filters]);
  const groupName = t.trends.groups[filters.groupBy];
  const marker = t.trends.alertMarker;
  const seriesChart = useMemo(() => {
    const marks: SpikeMark[] = shownSpikes.map((s) => ({
      period: `${s.month}-01`,
      group: filters.groupBy === 'category' ? s.category : filters.groupBy === 'province' ? s.province : undefined,
      text: marker,
    }));
    const running = partialPeriod(grid.periods, filters.granularity, today);
    return seriesOption(topGroupsWithOthers(grid, t.trends.others), filters.granularity, marks, running ? { period: running, text: t.trends.partial } : undefined);
  }, [grid, filters.granularity, filters.groupBy, shownSpikes, marker, today, t.trends.others, t.trends.partial]);
  const barChart = useMemo(() => barOption(totals, t.trends.complaints), [totals, t.trends.complaints]);
  const province = provinces.data?.find((p) => p.code === filters.province);
  const provinceLabel = province ? (language === 'en' ? province.nameEn : province.nameZh) : (filters.province ?? '');
  const barTitle = filters.province ? t.trends.barTitleAgencies(provinceLabel) : t.trends.barTitleProvinces;
  const agencyName = useAgencyName(filters.agencyId, filters.agencyId ? totals.find((row) => row.code === filters.agencyId)?.label : undefined);

  /** Drill down: a province into its agencies, an agency or channel into its own figures, a category into its complaints. */
  const drill = (group: TrendGroup, code: string) => {
    if (group === 'province') change({ province: code, groupBy: 'agency', agencyId: undefined });
    else if (group === 'agency' && code !== 'none') change({ agencyId: code });
    else if (group === 'channel') change({ channel: code as TrendFilters['channel'] });
    else if (group === 'category' && mayListComplaints) {
      const list = new URLSearchParams({ category: code, from: filters.from, to: filters.to });
      if (filters.agencyId) list.set('agencyId', filters.agencyId);
      void navigate(`/complaints?${list.toString()}`);
    }
  };
  const onSeriesClick = (click: ChartClick) => click.seriesId && drill(filters.groupBy, click.seriesId);
  const onBarClick = (click: ChartClick) => {
    // The chart draws the biggest on top, so its bars run in the reverse order of the totals.
    const row = totals[totals.length - 1 - click.dataIndex];
    if (row) drill(barGroup, row.code);
  };

  const download = async (group: TrendGroup) => {
    setDownloading(group);
    setDownloadError(undefined);
    try {
      await downloadTrendsCsv(filters, group);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(undefined);
    }
  };

  return (
    <div className="stack wide-page dashboard-page">
      <PageHeading title={t.trends.title} intro={t.trends.intro} />
      <p className="print-only">
        {t.trends.printedOn(formatDate(new Date(), language))} · {filters.from} – {filters.to} · {t.trends.granularities[filters.granularity]} · {groupName}
      </p>
      <TrendsFilterBar filters={filters} onChange={change} agencyName={agencyName} />
      {filters.province && (
        <p className="no-print drilled">
          <strong>{t.trends.drilledInto(provinceLabel)}</strong>{' '}
          <button type="button" className="native-button text" onClick={() => change({ province: undefined, agencyId: undefined, groupBy: 'province' })}>
            ← {t.trends.backToNation}
          </button>
        </p>
      )}
      <p className="page-intro no-print">{t.trends.drillHint}</p>
      {downloadError !== undefined && <ProblemAlert error={downloadError} />}

      <section className="panel" aria-labelledby="trend-series">
        <div className="panel-heading">
          <h2 id="trend-series">{t.trends.seriesTitle(groupName)}</h2>
          <Button className="no-print" onClick={() => void download(filters.groupBy)} loading={downloading === filters.groupBy} data-testid="download-series">
            {t.trends.downloadCsv}
          </Button>
        </div>
        {series.isPending && <Loading />}
        {series.error && <ProblemAlert error={series.error} onRetry={() => void series.refetch()} />}
        {series.data && grid.periods.length === 0 && <p>{t.trends.noData}</p>}
        {series.data && grid.periods.length > 0 && (
          <div className="chart-and-table">
            <Chart option={seriesChart} label={t.trends.seriesChartLabel(groupName, filters.from, filters.to)} onClick={onSeriesClick} testId="series-chart" />
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t.trends.seriesTitle(groupName)}>
              <table className="figures" data-testid="series-table">
                <caption className="visually-hidden">{t.trends.seriesTitle(groupName)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.trends.period}</th>
                    {grid.groups.map((g) => (
                      <th scope="col" key={g.code} data-group={g.code}>
                        {g.label}
                      </th>
                    ))}
                    <th scope="col">{t.trends.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {grid.periods.map((period) => {
                    const row = grid.count.get(period);
                    const total = grid.groups.reduce((sum, g) => sum + (row?.get(g.code) ?? 0), 0);
                    return (
                      <tr key={period}>
                        <th scope="row">
                          {periodLabel(period, filters.granularity)}
                          {period === running && <span className="muted small"> {t.trends.partialInTable}</span>}
                        </th>
                        {grid.groups.map((g) => (
                          <td key={g.code}>{row?.get(g.code) ?? 0}</td>
                        ))}
                        <td>{total}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="trend-bars">
        <div className="panel-heading">
          <h2 id="trend-bars">{barTitle}</h2>
          <Button className="no-print" onClick={() => void download(barGroup)} loading={downloading === barGroup} data-testid="download-bars">
            {t.trends.downloadCsv}
          </Button>
        </div>
        {bars.isPending && <Loading />}
        {bars.error && <ProblemAlert error={bars.error} onRetry={() => void bars.refetch()} />}
        {bars.data && totals.length === 0 && <p>{t.trends.noData}</p>}
        {totals.length > 0 && (
          <div className="chart-and-table">
            <Chart option={barChart} label={t.trends.barChartLabel(barTitle)} onClick={onBarClick} height={Math.max(240, totals.length * 28 + 60)} testId="bar-chart" />
            <ListTable
              bounded
              label={barTitle}
              caption={barTitle}
              testId="bar-table"
              items={totals}
              rowKey={(row) => row.code}
              columns={[
                {
                  header: barGroup === 'province' ? t.trends.province : t.trends.agency,
                  cell: (row) =>
                    barGroup === 'province' || row.code !== 'none' ? (
                      <button type="button" className="link-button" onClick={() => drill(barGroup, row.code)}>
                        {row.label}
                      </button>
                    ) : (
                      row.label
                    ),
                },
                { header: t.trends.complaints, cell: (row) => row.complaints },
              ]}
            />
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="trend-alerts" data-testid="alerts">
        <h2 id="trend-alerts">{t.trends.alertsTitle}</h2>
        <p className="page-intro">{t.trends.alertsIntro}</p>
        {alerts.isPending && <Loading />}
        {alerts.error && <ProblemAlert error={alerts.error} onRetry={() => void alerts.refetch()} />}
        {alerts.data && alerts.data.spikes.length === 0 && <p>{t.trends.noAlerts}</p>}
        <ul className="alert-list">
          {alerts.data?.spikes.map((spike) => (
            <li key={`${spike.province}-${spike.category}-${spike.month}`} data-testid="spike">
              <button type="button" className="link-button" onClick={() => change({ province: spike.province, category: spike.category, groupBy: 'agency', agencyId: undefined })}>
                {t.trends.spike(spike.provinceLabel, spike.categoryLabel, spike.month)}
              </button>
              <span className="agency-meta">{t.trends.spikeDetail(spike.complaints, spike.threshold, spike.previousMean)}</span>
            </li>
          ))}
        </ul>
        {alerts.data && alerts.data.agencies.length > 0 && (
          <>
            <h3>{t.trends.agencyAlertsTitle}</h3>
            <ul className="alert-list">
              {alerts.data.agencies.map((agency) => (
                <li key={agency.agencyId}>{t.trends.agencyAlert(agency.agencyName, agency.substantiated)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** Spikes that fall inside what the chart shows (its province and category filters). */
function relevantSpikes(spikes: Spike[], filters: TrendFilters): Spike[] {
  return spikes.filter(
    (s) => (!filters.province || s.province === filters.province) && (!filters.category || s.category === filters.category) && `${s.month}-01` >= filters.from.slice(0, 8) + '01' && `${s.month}-01` <= filters.to,
  );
}

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function periodLabel(period: string, granularity: TrendFilters['granularity']): string {
  return granularity === 'month' ? period.slice(0, 7) : period;
}
