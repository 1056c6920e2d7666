import { Tag } from 'antd';
import { Link } from 'react-router';
import { useComplaintCategories } from '@/lib/api/reference';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { SeverityLabel, SlaTag } from '@/components/SlaTag';
import { type ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { useComplaints } from './api/get-complaints';
import '@/components/styles/dashboard.css';

const FILTERS = ['category', 'status', 'agencyId', 'from', 'to', 'overdue'] as const;
/** Cells of words, which wrap (the figures' cells keep to one line). */
const WRAPPED = { style: { whiteSpace: 'normal', textAlign: 'left' } } as const;

/** The complaints an official may see, filtered from the URL (where a click on the trends page lands). */
export function ComplaintsListPage() {
  const t = useT();
  const language = useLanguage();
  const { filters } = useUrlFilters(FILTERS);
  const categories = useComplaintCategories();
  const query = { ...filters, overdue: filters.overdue === 'true' ? true : undefined, limit: 50 } as const;

  const list = useComplaints({ ...query, status: query.status as never }, language);
  const categoryName = (code: string) => {
    const category = categories.data?.find((c) => c.code === code);
    return category ? (language === 'en' ? category.nameEn : category.nameZh) : code;
  };
  const words = t.complaintsList;
  const columns: Column<ItemOf<typeof list>>[] = [
    { header: words.trackingCode, cell: (complaint) => <Link to={`/complaints/${complaint.id}`}>{complaint.trackingCode}</Link> },
    { header: words.urgency, cell: (complaint) => <SeverityLabel severity={complaint.severity} /> },
    {
      header: words.deadline,
      cell: (complaint) => (
        <>
          <SlaTag status={complaint.slaStatus} />
          {complaint.nextDueAt && <div className="small">{formatDate(complaint.nextDueAt, language, true)}</div>}
        </>
      ),
    },
    { header: words.receivedAt, cell: (complaint) => formatDate(complaint.receivedAt, language) },
    { header: words.categories, cell: (complaint) => complaint.categories.map(categoryName).join('、'), cellProps: WRAPPED },
    { header: words.agency, cell: (complaint) => (language === 'en' ? complaint.agencyNameEn : undefined) ?? complaint.agencyNameZh ?? complaint.agencyNameGiven ?? '—', cellProps: WRAPPED },
    { header: words.status, cell: (complaint) => t.complaintStatus[complaint.status] },
    { header: words.assignee, cell: (complaint) => complaint.assigneeName ?? <span className="muted">{words.unassigned}</span> },
  ];
  const described = Object.entries(filters).map(([name, value]) =>
    name === 'category' ? categoryName(value) : name === 'status' ? (t.complaintStatus[value as keyof typeof t.complaintStatus] ?? value) : name === 'overdue' ? t.complaintsList.overdue : value,
  );

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
      <KeysetTable list={list} empty={words.none} label={words.title} testId="complaints-table" rowKey={(complaint) => complaint.id} rowData={(complaint) => ({ 'data-tracking-code': complaint.trackingCode })} columns={columns} />
    </div>
  );
}
