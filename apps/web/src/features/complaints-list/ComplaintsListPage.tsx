import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '@/api/client';
import { useComplaintCategories } from '@/api/reference';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import '@/features/dashboard/dashboard.css';

const FILTERS = ['category', 'status', 'agencyId', 'from', 'to', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];

/** The complaints an official may see, filtered from the URL (where a click on the trends page lands). */
export function ComplaintsListPage() {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const categories = useComplaintCategories();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || undefined]).filter(([, v]) => v)) as Partial<Record<Filter, string>>;
  const query = { ...filters, overdue: filters.overdue === 'true' ? true : undefined, limit: 50 } as const;

  const list = useInfiniteQuery({
    queryKey: ['complaints', query, language],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/complaints', { params: { query: { ...query, status: query.status as never, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const categoryName = (code: string) => {
    const category = categories.data?.find((c) => c.code === code);
    return category ? (language === 'en' ? category.nameEn : category.nameZh) : code;
  };
  const described = Object.entries(filters).map(([name, value]) =>
    name === 'category' ? categoryName(value) : name === 'status' ? (t.complaintStatus[value as keyof typeof t.complaintStatus] ?? value) : name === 'overdue' ? t.complaintsList.overdue : value,
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack wide-page">
      <PageHeading title={t.complaintsList.title} intro={t.complaintsList.intro} />
      {described.length > 0 && (
        <p data-testid="list-filters">
          {t.complaintsList.filteredBy}{' '}
          {described.map((text) => (
            <Tag key={text}>{text}</Tag>
          ))}{' '}
          <Link to="/complaints">{t.complaintsList.clear}</Link>
        </p>
      )}
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.complaintsList.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.complaintsList.title} style={{ maxHeight: 'none' }}>
          <table className="figures" data-testid="complaints-table">
            <thead>
              <tr>
                <th scope="col">{t.complaintsList.trackingCode}</th>
                <th scope="col">{t.complaintsList.receivedAt}</th>
                <th scope="col">{t.complaintsList.categories}</th>
                <th scope="col">{t.complaintsList.agency}</th>
                <th scope="col">{t.complaintsList.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((complaint) => (
                <tr key={complaint.id}>
                  <th scope="row">
                    <Link to={`/complaints/${complaint.id}`}>{complaint.trackingCode}</Link>
                  </th>
                  <td>{formatDate(complaint.receivedAt, language)}</td>
                  <td style={{ whiteSpace: 'normal', textAlign: 'left' }}>{complaint.categories.map(categoryName).join('、')}</td>
                  <td style={{ whiteSpace: 'normal', textAlign: 'left' }}>{(language === 'en' ? complaint.agencyNameEn : undefined) ?? complaint.agencyNameZh ?? complaint.agencyNameGiven ?? '—'}</td>
                  <td>{t.complaintStatus[complaint.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.complaintsList.loadMore}
          </Button>
        </div>
      )}
    </div>
  );
}
