import { Link } from 'react-router';
import type { components } from '@/lib/api/schema';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { type ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { SlaTag } from '@/components/SlaTag';
import { useAssignedComplaints } from './api/get-assigned-complaints';
import '@/components/styles/dashboard.css';
import '@/components/styles/inspector.css';

type Status = components['schemas']['ComplaintStatus'];
const STATUSES: Status[] = ['received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened'];

/** The complaints assigned to the signed-in officer, with the API's SLA colour; the status filter stays in the URL. */
export function AssignedComplaintsPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const me = session.status === 'signedIn' ? session.me.id : undefined;
  const url = useUrlFilters(['status'] as const);
  const status = url.filters.status as Status | undefined;
  const list = useAssignedComplaints(me, status, language);
  const c = t.inspector.complaints;
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      header: c.trackingCode,
      cell: (complaint) => (
        <>
          <Link to={`/complaints/${complaint.id}`}>{complaint.trackingCode}</Link>
          <div className="muted small">
            {c.received} {formatDate(complaint.receivedAt, language)}
          </div>
        </>
      ),
    },
    {
      header: c.sla,
      cell: (complaint) => (
        <>
          <SlaTag status={complaint.slaStatus} />
          {complaint.nextDueAt && <div className="small">{formatDate(complaint.nextDueAt, language, true)}</div>}
        </>
      ),
    },
    {
      header: t.inspector.status,
      cell: (complaint) => (
        <>
          {t.complaintStatus[complaint.status]}
          <div className="muted small">
            {c.severity}: {c.severityName[complaint.severity]}
          </div>
        </>
      ),
    },
    { header: t.inspector.agency, cell: (complaint) => (complaint.agencyNameZh ? agencyName(complaint, language) : (complaint.agencyNameGiven ?? t.inspector.none)), cellProps: { className: 'wrap-cell' } },
  ];
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={c.title} intro={c.intro} />
      <FilterBar url={url} clear={{ link: '/complaints/assigned' }} fields={[{ name: 'status', label: t.inspector.status, options: choices(STATUSES, t.complaintStatus) }]} />
      <KeysetTable list={list} empty={c.empty} label={c.title} testId="assigned-complaints" className="inspector-table" rowKey={(complaint) => complaint.id} rowData={(complaint) => ({ 'data-tracking-code': complaint.trackingCode })} columns={columns} />
    </div>
  );
}
