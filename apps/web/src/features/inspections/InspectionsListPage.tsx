import { Link } from 'react-router';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { type ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { useInspections } from './api/get-inspections';
import '@/components/styles/dashboard.css';
import '@/components/styles/inspector.css';

type Status = components['schemas']['InspectionStatus'];
type Type = components['schemas']['InspectionType'];
type Outcome = components['schemas']['InspectionOutcome'];
const STATUSES: Status[] = ['planned', 'in_progress', 'submitted', 'closed', 'cancelled'];
const TYPES: Type[] = ['routine', 'complaint', 'follow_up', 'thematic'];
const OUTCOMES: Outcome[] = ['compliant', 'minor_issues', 'serious_violation', 'critical_violation'];
const FILTERS = ['status', 'type', 'outcome', 'agencyId'] as const;

/** Inspections in scope; the filters live in the URL (bookmarkable), pages come by the API's cursor. */
export function InspectionsListPage() {
  const t = useT();
  const language = useLanguage();
  const url = useUrlFilters(FILTERS);
  const filters = url.filters as { status?: Status; type?: Type; outcome?: Outcome; agencyId?: string };
  const list = useInspections(filters);
  const i = t.inspector;
  const columns: Column<ItemOf<typeof list>>[] = [
    { header: i.agency, cell: (inspection) => <Link to={`/inspections/${inspection.id}`}>{agencyName(inspection, language)}</Link>, cellProps: { className: 'wrap-cell' } },
    { header: i.date, cell: (inspection) => formatDate(inspection.inspectionDate, language) },
    { header: i.type, cell: (inspection) => i.inspectionType[inspection.type] },
    { header: i.status, cell: (inspection) => i.inspectionStatus[inspection.status] },
    { header: i.outcome, cell: (inspection) => (inspection.outcome ? i.outcomeName[inspection.outcome] : i.none) },
    { header: i.list.lead, cell: (inspection) => inspection.leadInspectorName ?? i.none },
  ];
  return (
    <div className="stack wide-page inspector-page">
      <PageHeading title={i.list.title} intro={i.list.intro} />
      <FilterBar
        label={i.list.title}
        url={url}
        clear={{ link: '/inspections' }}
        fields={[
          { name: 'status', label: i.status, options: choices(STATUSES, i.inspectionStatus) },
          { name: 'type', label: i.type, options: choices(TYPES, i.inspectionType) },
          { name: 'outcome', label: i.outcome, options: choices(OUTCOMES, i.outcomeName) },
        ]}
      />
      <KeysetTable list={list} empty={i.list.empty} label={i.list.title} testId="inspections-table" className="inspector-table" rowKey={(inspection) => inspection.id} rowData={(inspection) => ({ 'data-inspection-id': inspection.id })} columns={columns} />
    </div>
  );
}
