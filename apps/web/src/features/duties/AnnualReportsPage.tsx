import { Button, Empty, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ListTable, type Column } from '@/components/ListTable';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ApiProblem } from '@/lib/api/problem';
import { FLAG_COLOUR, STATUS_COLOUR } from './AnnualReportPage';
import { CertificateLinks } from './CertificateLinks';
import { useAnnualReports, useCreateReport, type ReportListFilter } from './use-duties';
import './duties.css';

const VIEWS = ['awaiting', 'returned', 'feeFlag', 'overdue', 'all'] as const;
type View = (typeof VIEWS)[number];

const FILTER_OF: Record<View, ReportListFilter> = {
  awaiting: { awaitingReview: true },
  returned: { status: 'returned' },
  feeFlag: { feeFlag: true },
  overdue: { overdue: true },
  all: {},
};

/** The agency's own reports (and the button to start last year's), or the bureau's review queue. */
export function AnnualReportsPage() {
  const t = useT().duties;
  const language = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = session.status === 'signedIn' ? session.me : undefined;
  const isAgency = me?.role === 'agency_user';
  const lastYear = new Date().getFullYear() - 1;
  const requestedView = params.get('view') as View | null;
  const view: View = requestedView && VIEWS.includes(requestedView) ? requestedView : isAgency || me?.role !== 'bureau_admin' ? 'all' : 'awaiting';
  const year = Number(params.get('year')) || undefined;
  const list = useAnnualReports({ ...FILTER_OF[view], ...(year ? { year } : {}) });
  const create = useCreateReport();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: Column<(typeof items)[number]>[] = [
    { header: t.year, cell: (report) => <Link to={`/annual-reports/${report.id}`}>{t.reportLink(report.year)}</Link> },
    ...(isAgency ? [] : [{ header: t.agency, cell: (report: (typeof items)[number]) => (language === 'en' && report.agencyNameEn ? report.agencyNameEn : report.agencyNameZh), cellProps: { style: { whiteSpace: 'normal', textAlign: 'left' } } } as const]),
    { header: t.status, cell: (report) => <Tag variant="solid" color={STATUS_COLOUR[report.status]}>{t.statuses[report.status]}</Tag> },
    { header: t.submittedAt, cell: (report) => (report.submittedAt ? formatDate(report.submittedAt, language) : '—') },
    {
      header: t.flags,
      cell: (report) => (
        <>
          {report.feeFlag && (
            <Tag variant="solid" color={FLAG_COLOUR}>
              {t.feeFlag}
            </Tag>
          )}
          {report.overdueAt && (
            <Tag variant="solid" color={FLAG_COLOUR}>
              {t.overdue}
            </Tag>
          )}
        </>
      ),
    },
  ];
  const hasLastYear = items.some((r) => r.year === lastYear);

  const start = () =>
    create.mutate(lastYear, {
      onSuccess: (report) => void navigate(`/annual-reports/${report.id}`),
      // Opened meanwhile (another tab, or recorded overdue by the deadline job): open that one.
      onError: (error) => {
        if (!(error instanceof ApiProblem) || error.status !== 409) return;
        void list.refetch().then((again) => {
          const existing = again.data?.pages.flatMap((page) => page.items).find((r) => r.year === lastYear);
          if (existing) void navigate(`/annual-reports/${existing.id}`);
        });
      },
    });
  const setView = (next: View) => {
    const copy = new URLSearchParams(params);
    copy.set('view', next);
    setParams(copy);
  };

  return (
    <div className="stack wide-page">
      <PageHeading title={isAgency ? t.agencyTitle : t.queueTitle} intro={isAgency ? t.agencyIntro : t.queueIntro} />
      {isAgency && !list.isPending && !hasLastYear && (
        <section className="panel" aria-labelledby="start-report">
          <h2 id="start-report">{t.startTitle(lastYear)}</h2>
          <p className="page-intro">{t.startIntro(formatDeadline(`${lastYear + 1}-03-31`, language))}</p>
          {create.error && <ProblemAlert error={create.error} />}
          <Button type="primary" onClick={start} loading={create.isPending} data-testid="start-report">
            {t.start(lastYear)}
          </Button>
        </section>
      )}
      {!isAgency && (
        <nav aria-label={t.viewsLabel} className="duties-views">
          {VIEWS.map((v) => (
            <Button key={v} type={v === view ? 'primary' : 'default'} onClick={() => setView(v)} aria-pressed={v === view} data-testid={`view-${v}`}>
              {t.views[v]}
            </Button>
          ))}
          {(me?.role === 'ministry_official' || me?.role === 'bureau_admin') && <Link to="/annual-reports/summary">{t.summaryLink}</Link>}
        </nav>
      )}
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />}
      {items.length > 0 && <ListTable label={t.listLabel} testId="reports-table" columns={columns} items={items} rowKey={(report) => report.id} />}
      {list.hasNextPage && (
        <div>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.loadMore}
          </Button>
        </div>
      )}
      {isAgency && me?.agencyId && (
        <>
          <CertificateLinks agencyId={me.agencyId} />
          <p>
            <Link to={`/reserve-funds/${me.agencyId}`}>{t.reserveFundLink}</Link>
          </p>
        </>
      )}
    </div>
  );
}
