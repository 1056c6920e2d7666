import { Empty } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLanguage } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Chart } from '@/components/chart/Chart';
import type { EChartsCoreOption } from '@/components/chart/echarts';
import '@/components/styles/dashboard.css';
import { usePlacementSummary } from './api/get-placement-summary';
import type { SummaryGroup } from './api/types';
import { usePlacementTexts } from './texts';

const GROUPS: SummaryGroup[] = ['destination', 'province', 'month', 'agency'];

/** The bureau's and the ministry's view: placements, early returns and abuse by destination (or province, month, agency). */
export function PlacementSummaryPage() {
  const t = usePlacementTexts().summary;
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const groupBy = (GROUPS.find((g) => g === params.get('groupBy')) ?? 'destination') as SummaryGroup;
  const summary = usePlacementSummary(groupBy);
  const rows = useMemo(() => summary.data?.rows ?? [], [summary.data]);
  const label = (row: { labelZh: string; labelEn: string }) => (language === 'en' ? row.labelEn : row.labelZh);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: rows.map(label) },
      series: [
        { type: 'bar', name: t.placements, data: rows.map((r) => r.placements), itemStyle: { color: '#0b5cad' } },
        { type: 'bar', name: t.returnedEarly, data: rows.map((r) => r.returnedEarly), itemStyle: { color: '#d48806' } },
        { type: 'bar', name: t.abuse, data: rows.map((r) => r.abuse), itemStyle: { color: '#a8071a' } },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, language, t],
  );
  return (
    <div className="stack wide-page">
      <PageHeading title={t.title} intro={t.intro} />
      <div className="filter-bar">
        <label>
          {t.groupBy}
          <select value={groupBy} onChange={(e) => setParams({ groupBy: e.target.value })} data-testid="summary-group">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t.groups[g]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summary.isPending && <Loading />}
      {summary.error && <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />}
      {summary.data && rows.length > 0 && (
        <section className="panel chart-and-table">
          <Chart option={option} label={t.title} height={Math.max(220, rows.length * 48 + 60)} testId="placements-chart" />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.title}>
            <table className="figures" data-testid="placements-summary">
              <thead>
                <tr>
                  <th scope="col">{t.groups[groupBy]}</th>
                  <th scope="col">{t.placements}</th>
                  <th scope="col">{t.returnedEarly}</th>
                  <th scope="col">{t.abuse}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{label(r)}</th>
                    <td>{r.placements}</td>
                    <td>{r.returnedEarly}</td>
                    <td>{r.abuse}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t.total}</th>
                  <td>{summary.data.total.placements}</td>
                  <td>{summary.data.total.returnedEarly}</td>
                  <td>{summary.data.total.abuse}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
