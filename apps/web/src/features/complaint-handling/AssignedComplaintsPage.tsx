import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { agencyName } from '@/features/inspections/names';
import { SlaTag } from './SlaTag';
import '@/features/dashboard/dashboard.css';
import '@/features/inspections/inspector.css';

type Status = components['schemas']['ComplaintStatus'];
const STATUSES: Status[] = ['received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened'];

/** The complaints assigned to the signed-in officer, with the API's SLA colour; the status filter stays in the URL. */
export function AssignedComplaintsPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.me.id : undefined;
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as Status | undefined;
  const list = useInfiniteQuery({
    queryKey: ['complaints', 'assigned', me, status, language],
    enabled: me !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/complaints', { params: { query: { assigneeId: me, ...(status ? { status } : {}), limit: 30, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const setStatus = (value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={t.inspector.complaints.title} intro={t.inspector.complaints.intro} />
      <div className="filter-bar">
        <label>
          <span>{t.inspector.status}</span>
          <NativeSelect id="filter-status" value={status} onChange={setStatus} placeholder={t.inspector.allOption} options={STATUSES.map((s) => ({ value: s, label: t.complaintStatus[s] }))} />
        </label>
        {status && <Link to="/complaints/assigned">{t.inspector.clearFilters}</Link>}
      </div>
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.inspector.complaints.empty} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.inspector.complaints.title} style={{ maxHeight: 'none' }}>
          <table className="figures inspector-table" data-testid="assigned-complaints">
            <thead>
              <tr>
                <th scope="col">{t.inspector.complaints.trackingCode}</th>
                <th scope="col">{t.inspector.complaints.sla}</th>
                <th scope="col">{t.inspector.status}</th>
                <th scope="col">{t.inspector.agency}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((complaint) => (
                <tr key={complaint.id} data-tracking-code={complaint.trackingCode}>
                  <th scope="row">
                    <Link to={`/complaints/${complaint.id}`}>{complaint.trackingCode}</Link>
                    <div className="muted small">
                      {t.inspector.complaints.received} {formatDate(complaint.receivedAt, language)}
                    </div>
                  </th>
                  <td>
                    <SlaTag status={complaint.slaStatus} />
                    {complaint.nextDueAt && <div className="small">{formatDate(complaint.nextDueAt, language, true)}</div>}
                  </td>
                  <td>
                    {t.complaintStatus[complaint.status]}
                    <div className="muted small">
                      {t.inspector.complaints.severity}: {t.inspector.complaints.severityName[complaint.severity]}
                    </div>
                  </td>
                  <td className="wrap-cell">{complaint.agencyNameZh ? agencyName(complaint, language) : (complaint.agencyNameGiven ?? t.inspector.none)}</td>
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
