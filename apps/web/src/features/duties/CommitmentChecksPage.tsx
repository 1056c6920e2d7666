import { Empty } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { useKeysetList, type ItemOf } from '@/components/use-keyset-list';

type State = components['schemas']['CommitmentCheckState'];
const STATES: State[] = ['overdue', 'failed', 'pending', 'passed'];

/**
 * The bureau's queue of on-site checks of licences granted on a written commitment (告知承诺制):
 * overdue and failed ones first by default, each with its licence and its inspection.
 */
export function CommitmentChecksPage() {
  const t = useT();
  const d = t.duties;
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get('state')) ?? 'overdue';
  const checks = useKeysetList({
    queryKey: ['commitment-checks', state],
    fetchPage: async (start, signal) => data(await api.GET('/api/commitment-checks', { params: { query: { state, limit: 50, ...start } }, signal })),
  });
  const columns: Column<ItemOf<typeof checks>>[] = [
    { header: d.commitmentLicence, cell: (check) => <Link to={`/registry/licences/${check.licenceId}`}>{check.licenceNumber}</Link> },
    {
      header: d.commitmentAgency,
      cell: (check) => <Link to={`/registry/agencies/${check.agencyId}`}>{(language === 'en' ? check.agencyNameEn : null) ?? check.agencyNameZh}</Link>,
      cellProps: { style: { whiteSpace: 'normal', textAlign: 'left' } },
    },
    { header: d.commitmentDue, cell: (check) => formatDate(check.dueOn, language) },
    { header: d.commitmentState, cell: (check) => d.commitmentStates[check.state] },
    { header: d.commitmentInspection, cell: (check) => <Link to={`/inspections/${check.inspectionId}`}>{d.commitmentOpenInspection}</Link> },
  ];
  return (
    <div className="stack wide-page">
      <PageHeading title={d.commitmentTitle} intro={d.commitmentIntro} />
      <form className="panel filter-bar" aria-label={d.commitmentTitle} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="commitment-state">
          <span>{d.commitmentState}</span>
        </label>
        <NativeSelect
          id="commitment-state"
          placeholder="—"
          value={state}
          onChange={(value) => setParams(value ? { state: value } : {})}
          options={STATES.map((s) => ({ value: s, label: d.commitmentStates[s] }))}
        />
      </form>
      <KeysetTable list={checks} empty={<Empty description={d.commitmentNone} />} label={d.commitmentTitle} testId="commitment-checks" bounded rowKey={(check) => check.id} rowData={(check) => ({ 'data-state': check.state })} columns={columns} />
    </div>
  );
}
