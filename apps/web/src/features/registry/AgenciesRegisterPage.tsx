import { Link } from 'react-router';
import { useSession } from '@/lib/auth/use-session';
import { useLanguage, useT } from '@/lib/i18n/use-i18n';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { CsvDownloadButton } from '@/components/CsvDownloadButton';
import type { ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { ImportAgencies } from './ImportAgencies';
import { AGENCY_FILTERS, useAgencies, type AgencyType, type LicenceStatus } from './use-registry';
import '@/components/styles/dashboard.css';
import '@/components/styles/text-table.css';

const TYPES: AgencyType[] = ['domestic_placement', 'overseas_placement', 'labour_service_cooperation'];
const STATUSES: LicenceStatus[] = ['active', 'suspended', 'revoked', 'surrendered', 'expired'];

/** The officers' register: every filter of the API, kept in the URL; a bureau admin imports CSV here. */
export function AgenciesRegisterPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const url = useUrlFilters(AGENCY_FILTERS);
  const list = useAgencies(url.filters);
  const r = t.bureau.registry;
  const columns: Column<ItemOf<typeof list>>[] = [
    { header: r.name, cell: (agency) => <Link to={`/registry/agencies/${agency.id}`}>{agencyName(agency, language)}</Link>, cellProps: { style: { whiteSpace: 'normal' } } },
    { header: r.uscc, cell: (agency) => agency.uscc },
    { header: r.agencyType, cell: (agency) => t.bureau.agencyType[agency.agencyType] },
    { header: r.jurisdiction, cell: (agency) => agency.jurisdictionCode },
    { header: r.risk, cell: (agency) => agency.riskScore ?? '—' },
  ];

  return (
    <div className="stack wide-page">
      <PageHeading title={r.title} intro={r.intro} />
      <FilterBar
        label={t.bureau.common.filters}
        url={url}
        clear="button"
        fields={[
          { name: 'name', label: r.name, type: 'search' },
          { name: 'uscc', label: r.uscc, type: 'search' },
          { name: 'agencyType', label: r.agencyType, options: choices(TYPES, t.bureau.agencyType) },
          { name: 'licenceStatus', label: r.licenceStatus, options: choices(STATUSES, t.licenceStatus) },
          { name: 'jurisdiction', label: r.jurisdiction, type: 'search' },
          { name: 'minRisk', label: r.minRisk, type: 'number' },
          { name: 'maxRisk', label: r.maxRisk, type: 'number' },
        ]}
      />
      {session.status === 'signedIn' && session.me.role !== 'agency_user' && <CsvDownloadButton path="/api/agencies" query={url.filters} label={r.downloadCsv} />}
      <KeysetTable list={list} empty={r.none} label={r.title} testId="agencies-table" className="text-table" rowKey={(agency) => agency.id} columns={columns} />
      {session.status === 'signedIn' && session.me.role === 'bureau_admin' && <ImportAgencies />}
    </div>
  );
}
