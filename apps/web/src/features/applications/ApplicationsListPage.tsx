import { Link } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { StatusTag } from '@/components/StatusTag';
import type { ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { APPLICATION_TONE, useApplications, type ApplicationKind, type ApplicationStatus } from './use-applications';
import '@/components/styles/dashboard.css';
import '@/components/styles/text-table.css';

const STATUSES: ApplicationStatus[] = ['submitted', 'resubmitted', 'under_review', 'returned', 'approved', 'refused'];
const KINDS: ApplicationKind[] = ['new', 'renewal', 'variation'];

/** Licence applications in reach (an agency: its own), filtered from the URL. */
export function ApplicationsListPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const isAgency = session.status === 'signedIn' && session.me.role === 'agency_user';
  const url = useUrlFilters(['status', 'kind', 'agencyId'] as const);
  const list = useApplications(url.filters);
  const a = t.bureau.applications;
  const columns: Column<ItemOf<typeof list>>[] = [
    { header: a.agency, cell: (application) => <Link to={`/applications/${application.id}`}>{agencyName(application, language)}</Link>, cellProps: { style: { whiteSpace: 'normal' } } },
    { header: a.kind, cell: (application) => t.bureau.applicationKind[application.kind] },
    { header: a.licenceType, cell: (application) => t.licenceType[application.licenceType] },
    { header: a.submittedOn, cell: (application) => formatDate(application.createdAt, language) },
    { header: a.status, cell: (application) => <StatusTag tone={APPLICATION_TONE[application.status]}>{t.bureau.applicationStatus[application.status]}</StatusTag> },
    { header: a.licenceNumber, cell: (application) => application.licenceNumber ?? '—' },
  ];

  return (
    <div className="stack wide-page">
      <PageHeading title={a.title} intro={isAgency ? a.introAgency : a.intro} />
      <FilterBar label={t.bureau.common.filters} url={url} clear="button" fields={[{ name: 'status', label: a.status, options: choices(STATUSES, t.bureau.applicationStatus) }, { name: 'kind', label: a.kind, options: choices(KINDS, t.bureau.applicationKind) }]} />
      <KeysetTable list={list} empty={a.none} label={a.title} testId="applications-table" className="text-table" rowKey={(application) => application.id} columns={columns} />
    </div>
  );
}
