import { Empty, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@/lib/api/schema';
import { useSession } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { type ItemOf } from '@/hooks/use-keyset-list';
import { AssignLeadInspector } from './AssignLeadInspector';
import { useCommitmentChecks, useUnassignedInspections } from './api/get-commitment-checks';

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
  const session = useSession();
  const mayAssign = session.status === 'signedIn' && session.me.role === 'bureau_admin';
  const unassigned = useUnassignedInspections(mayAssign);
  const checks = useCommitmentChecks(state);
  const columns: Column<ItemOf<typeof checks>>[] = [
    { header: d.commitmentLicence, cell: (check) => <Link to={`/registry/licences/${check.licenceId}`}>{check.licenceNumber}</Link> },
    {
      header: d.commitmentAgency,
      cell: (check) => <Link to={`/registry/agencies/${check.agencyId}`}>{(language === 'en' ? check.agencyNameEn : null) ?? check.agencyNameZh}</Link>,
      cellProps: { style: { whiteSpace: 'normal', textAlign: 'left' } },
    },
    { header: d.commitmentDue, cell: (check) => formatDeadline(check.dueOn, language) },
    {
      header: d.lead,
      cell: (check) =>
        check.leadInspectorName ?? (
          <>
            <Tag variant="solid" color="#7a4a00">{d.unassigned}</Tag> {mayAssign && (check.state === 'pending' || check.state === 'overdue') && <AssignLeadInspector inspectionId={check.inspectionId} />}
          </>
        ),
    },
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
      {mayAssign && (
        <section className="panel" aria-labelledby="unassigned-queue" data-testid="unassigned-queue">
          <h2 id="unassigned-queue">{d.leadQueueTitle}</h2>
          <p className="page-intro">{d.leadQueueIntro}</p>
          {unassigned.error && <ProblemAlert error={unassigned.error} onRetry={() => void unassigned.refetch()} />}
          {unassigned.data?.length === 0 && <p>{d.leadQueueNone}</p>}
          {!!unassigned.data?.length && (
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">{d.commitmentAgency}</th>
                  <th scope="col">{d.queueType}</th>
                  <th scope="col">{d.queueDate}</th>
                  <th scope="col">{d.lead}</th>
                </tr>
              </thead>
              <tbody>
                {unassigned.data.map((inspection) => (
                  <tr key={inspection.id}>
                    <th scope="row" style={{ whiteSpace: 'normal', textAlign: 'left' }}>
                      <Link to={`/inspections/${inspection.id}`}>{(language === 'en' ? inspection.agencyNameEn : null) ?? inspection.agencyNameZh}</Link>
                    </th>
                    <td>{t.inspector.inspectionType[inspection.type]}</td>
                    <td>{formatDate(inspection.inspectionDate, language)}</td>
                    <td>
                      <AssignLeadInspector inspectionId={inspection.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <KeysetTable list={checks} empty={<Empty description={d.commitmentNone} />} label={d.commitmentTitle} testId="commitment-checks" bounded rowKey={(check) => check.id} rowData={(check) => ({ 'data-state': check.state })} columns={columns} />
    </div>
  );
}
