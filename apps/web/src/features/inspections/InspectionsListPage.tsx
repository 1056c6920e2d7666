import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { agencyName } from './names';
import '@/features/dashboard/dashboard.css';
import './inspector.css';

type Status = components['schemas']['InspectionStatus'];
type Type = components['schemas']['InspectionType'];
type Outcome = components['schemas']['InspectionOutcome'];
const STATUSES: Status[] = ['planned', 'in_progress', 'submitted', 'closed', 'cancelled'];
const TYPES: Type[] = ['routine', 'complaint', 'follow_up', 'thematic'];
const OUTCOMES: Outcome[] = ['compliant', 'minor_issues', 'serious_violation', 'critical_violation'];
const FILTERS = ['status', 'type', 'outcome', 'agencyId'] as const;

/** Inspections in scope; the filters live in the URL (bookmarkable), pages come by the API's cursor. */
export function InspectionsListPage() {
  const t = useT();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined]).filter(([, v]) => v)) as { status?: Status; type?: Type; outcome?: Outcome; agencyId?: string };
  const setFilter = (name: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const list = useInfiniteQuery({
    queryKey: ['inspections', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => data(await api.GET('/api/inspections', { params: { query: { ...filters, limit: 30, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.list.title} intro={t.inspector.list.intro} />
      <div className="filter-bar" role="group" aria-label={t.inspector.list.title}>
        <label>
          <span>{t.inspector.status}</span>
          <NativeSelect id="filter-status" value={filters.status} onChange={(v) => setFilter('status', v)} placeholder={t.inspector.allOption} options={STATUSES.map((s) => ({ value: s, label: t.inspector.inspectionStatus[s] }))} />
        </label>
        <label>
          <span>{t.inspector.type}</span>
          <NativeSelect id="filter-type" value={filters.type} onChange={(v) => setFilter('type', v)} placeholder={t.inspector.allOption} options={TYPES.map((s) => ({ value: s, label: t.inspector.inspectionType[s] }))} />
        </label>
        <label>
          <span>{t.inspector.outcome}</span>
          <NativeSelect id="filter-outcome" value={filters.outcome} onChange={(v) => setFilter('outcome', v)} placeholder={t.inspector.allOption} options={OUTCOMES.map((s) => ({ value: s, label: t.inspector.outcomeName[s] }))} />
        </label>
        {Object.keys(filters).length > 0 && <Link to="/inspections">{t.inspector.clearFilters}</Link>}
      </div>
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.inspector.list.empty} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.inspector.list.title} style={{ maxHeight: 'none' }}>
          <table className="figures inspector-table" data-testid="inspections-table">
            <thead>
              <tr>
                <th scope="col">{t.inspector.agency}</th>
                <th scope="col">{t.inspector.date}</th>
                <th scope="col">{t.inspector.type}</th>
                <th scope="col">{t.inspector.status}</th>
                <th scope="col">{t.inspector.outcome}</th>
                <th scope="col">{t.inspector.list.lead}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((inspection) => (
                <tr key={inspection.id} data-inspection-id={inspection.id}>
                  <th scope="row" className="wrap-cell">
                    <Link to={`/inspections/${inspection.id}`}>{agencyName(inspection, language)}</Link>
                  </th>
                  <td>{formatDate(inspection.inspectionDate, language)}</td>
                  <td>{t.inspector.inspectionType[inspection.type]}</td>
                  <td>{t.inspector.inspectionStatus[inspection.status]}</td>
                  <td>{inspection.outcome ? t.inspector.outcomeName[inspection.outcome] : t.inspector.none}</td>
                  <td>{inspection.leadInspectorName ?? t.inspector.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.inspector.loadMore}
          </Button>
        </div>
      )}
    </div>
  );
}
