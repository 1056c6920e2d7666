import { Empty } from 'antd';
import { Link } from 'react-router';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { LoadMore } from '@/components/LoadMore';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { useUrlFilters } from '@/components/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { APPLICATION_TONE, useApplications, type ApplicationKind, type ApplicationStatus } from './use-applications';
import '@/features/dashboard/dashboard.css';
import '@/components/text-table.css';

const STATUSES: ApplicationStatus[] = ['submitted', 'resubmitted', 'under_review', 'returned', 'approved', 'refused'];
const KINDS: ApplicationKind[] = ['new', 'renewal', 'variation'];

/** Licence applications in reach (an agency: its own), filtered from the URL. */
export function ApplicationsListPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const isAgency = session.status === 'signedIn' && session.me.role === 'agency_user';
  const { filters, setFilter, clear } = useUrlFilters(['status', 'kind', 'agencyId'] as const);
  const list = useApplications(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const a = t.bureau.applications;

  return (
    <div className="stack wide-page">
      <PageHeading title={a.title} intro={isAgency ? a.introAgency : a.intro} />
      <div className="filter-bar" role="group" aria-label={t.bureau.common.filters}>
        <label>
          {a.status}
          <NativeSelect id="filter-status" value={filters.status} onChange={(v) => setFilter('status', v)} placeholder={t.bureau.common.all} options={STATUSES.map((s) => ({ value: s, label: t.bureau.applicationStatus[s] }))} />
        </label>
        <label>
          {a.kind}
          <NativeSelect id="filter-kind" value={filters.kind} onChange={(v) => setFilter('kind', v)} placeholder={t.bureau.common.all} options={KINDS.map((k) => ({ value: k, label: t.bureau.applicationKind[k] }))} />
        </label>
      </div>
      {Object.keys(filters).length > 0 && (
        <p>
          <button type="button" className="link-button" onClick={clear}>
            {t.bureau.common.clearFilters}
          </button>
        </p>
      )}
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={a.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={a.title} style={{ maxHeight: 'none' }}>
          <table className="figures text-table" data-testid="applications-table">
            <thead>
              <tr>
                <th scope="col">{a.agency}</th>
                <th scope="col">{a.kind}</th>
                <th scope="col">{a.licenceType}</th>
                <th scope="col">{a.submittedOn}</th>
                <th scope="col">{a.status}</th>
                <th scope="col">{a.licenceNumber}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((application) => (
                <tr key={application.id}>
                  <th scope="row" style={{ whiteSpace: 'normal' }}>
                    <Link to={`/applications/${application.id}`}>{agencyName(application, language)}</Link>
                  </th>
                  <td>{t.bureau.applicationKind[application.kind]}</td>
                  <td>{t.licenceType[application.licenceType]}</td>
                  <td>{formatDate(application.createdAt, language)}</td>
                  <td>
                    <StatusTag tone={APPLICATION_TONE[application.status]}>{t.bureau.applicationStatus[application.status]}</StatusTag>
                  </td>
                  <td>{application.licenceNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </div>
  );
}
