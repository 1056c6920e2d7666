import { Empty } from 'antd';
import { Link } from 'react-router';
import { useSession } from '@/app/auth/use-session';
import { useLanguage, useT } from '@/app/i18n/use-i18n';
import { LoadMore } from '@/components/LoadMore';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useUrlFilters } from '@/components/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { ImportAgencies } from './ImportAgencies';
import { AGENCY_FILTERS, useAgencies, type AgencyType, type LicenceStatus } from './use-registry';
import '@/features/dashboard/dashboard.css';
import '@/components/text-table.css';

const TYPES: AgencyType[] = ['domestic_placement', 'overseas_placement', 'labour_service_cooperation'];
const STATUSES: LicenceStatus[] = ['active', 'suspended', 'revoked', 'surrendered', 'expired'];

/** The officers' register: every filter of the API, kept in the URL; a bureau admin imports CSV here. */
export function AgenciesRegisterPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const { filters, setFilter, clear } = useUrlFilters(AGENCY_FILTERS);
  const list = useAgencies(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const r = t.bureau.registry;
  const text = (name: (typeof AGENCY_FILTERS)[number], label: string, type = 'search') => (
    <label>
      {label}
      <input
        id={`filter-${name}`}
        type={type}
        defaultValue={filters[name]}
        key={filters[name] ?? ''}
        onBlur={(e) => setFilter(name, e.target.value.trim() || undefined)}
        onKeyDown={(e) => e.key === 'Enter' && setFilter(name, (e.target as HTMLInputElement).value.trim() || undefined)}
      />
    </label>
  );

  return (
    <div className="stack wide-page">
      <PageHeading title={r.title} intro={r.intro} />
      <div className="filter-bar" role="group" aria-label={t.bureau.common.filters}>
        {text('name', r.name)}
        {text('uscc', r.uscc)}
        <label>
          {r.agencyType}
          <NativeSelect id="filter-agencyType" value={filters.agencyType} onChange={(v) => setFilter('agencyType', v)} placeholder={t.bureau.common.all} options={TYPES.map((v) => ({ value: v, label: t.bureau.agencyType[v] }))} />
        </label>
        <label>
          {r.licenceStatus}
          <NativeSelect id="filter-licenceStatus" value={filters.licenceStatus} onChange={(v) => setFilter('licenceStatus', v)} placeholder={t.bureau.common.all} options={STATUSES.map((v) => ({ value: v, label: t.licenceStatus[v] }))} />
        </label>
        {text('jurisdiction', r.jurisdiction)}
        {text('minRisk', r.minRisk, 'number')}
        {text('maxRisk', r.maxRisk, 'number')}
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
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={r.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={r.title} style={{ maxHeight: 'none' }}>
          <table className="figures text-table" data-testid="agencies-table">
            <thead>
              <tr>
                <th scope="col">{r.name}</th>
                <th scope="col">{r.uscc}</th>
                <th scope="col">{r.agencyType}</th>
                <th scope="col">{r.jurisdiction}</th>
                <th scope="col">{r.risk}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((agency) => (
                <tr key={agency.id}>
                  <th scope="row" style={{ whiteSpace: 'normal' }}>
                    <Link to={`/registry/agencies/${agency.id}`}>{agencyName(agency, language)}</Link>
                  </th>
                  <td>{agency.uscc}</td>
                  <td>{t.bureau.agencyType[agency.agencyType]}</td>
                  <td>{agency.jurisdictionCode}</td>
                  <td>{agency.riskScore ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {session.status === 'signedIn' && session.me.role === 'bureau_admin' && <ImportAgencies />}
    </div>
  );
}
