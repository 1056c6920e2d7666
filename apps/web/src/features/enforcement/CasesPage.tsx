import { Checkbox, Tag } from 'antd';
import { Link } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import type { ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { useCases, useSanctionText, type CaseStatus } from './use-cases';
import '@/components/styles/dashboard.css';

const STATUSES: CaseStatus[] = ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held', 'decided', 'closed', 'withdrawn'];

/** The cases queue (bureau and inspectors) or the agency's cases; filters live in the address. */
export function CasesPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const sanctionText = useSanctionText();
  const e = t.enforcement;
  const { filters, setFilter } = useUrlFilters(['status', 'overdue'] as const);
  const status = STATUSES.find((s) => s === filters.status);
  const overdue = filters.overdue === 'true' ? true : undefined;
  const cases = useCases({ status, overdue });
  const isAgency = session.status === 'signedIn' && session.me.role === 'agency_user';
  const columns: Column<ItemOf<typeof cases>>[] = [
    { header: e.caseNumber, cell: (c) => <Link to={`/cases/${c.id}`}>{language === 'en' ? c.caseNumberEn : c.caseNumber}</Link> },
    { header: e.agency, cell: (c) => (language === 'en' ? c.agencyNameEn : undefined) ?? c.agencyNameZh, cellProps: { style: { whiteSpace: 'normal', textAlign: 'left' } } },
    { header: e.proposed, cell: (c) => sanctionText(c.proposedSanction, c.proposedFineAmount, c.proposedSuspensionDays) },
    { header: e.status, cell: (c) => e[`status_${c.status}`] },
    { header: e.openedAt, cell: (c) => formatDate(c.openedAt, language) },
    {
      header: e.decisionDueOn,
      cell: (c) => (
        <>
          {formatDate(c.decisionDueOn, language)} {c.overdue && <Tag color="#a8071a">{e.overdue}</Tag>}
        </>
      ),
    },
  ];

  return (
    <div className="stack wide-page">
      <PageHeading title={t.enforcement.casesTitle} intro={isAgency ? t.enforcement.agencyCasesIntro : t.enforcement.casesIntro} />
      <div className="panel card-grid" role="search">
        <label>
          {t.enforcement.filterStatus}
          <NativeSelect
            value={status}
            placeholder={t.enforcement.allStatuses}
            onChange={(value) => setFilter('status', value)}
            options={STATUSES.map((s) => ({ value: s, label: t.enforcement[`status_${s}`] }))}
          />
        </label>
        {!isAgency && (
          <Checkbox checked={overdue === true} onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : undefined)}>
            {t.enforcement.overdueOnly}
          </Checkbox>
        )}
      </div>
      <KeysetTable list={cases} empty={e.none} label={e.casesTitle} testId="cases-table" rowKey={(c) => c.id} columns={columns} />
    </div>
  );
}
