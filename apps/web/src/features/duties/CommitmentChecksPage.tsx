import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';

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
  const checks = useInfiniteQuery({
    queryKey: ['commitment-checks', state],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => data(await api.GET('/api/commitment-checks', { params: { query: { state, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = checks.data?.pages.flatMap((page) => page.items) ?? [];
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
      {checks.isPending && <Loading />}
      {checks.error && <ProblemAlert error={checks.error} onRetry={() => void checks.refetch()} />}
      {checks.isSuccess && items.length === 0 && <Empty description={d.commitmentNone} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={d.commitmentTitle}>
          <table className="figures" data-testid="commitment-checks">
            <thead>
              <tr>
                <th scope="col">{d.commitmentLicence}</th>
                <th scope="col">{d.commitmentAgency}</th>
                <th scope="col">{d.commitmentDue}</th>
                <th scope="col">{d.commitmentState}</th>
                <th scope="col">{d.commitmentInspection}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((check) => (
                <tr key={check.id} data-state={check.state}>
                  <th scope="row">
                    <Link to={`/registry/licences/${check.licenceId}`}>{check.licenceNumber}</Link>
                  </th>
                  <td style={{ whiteSpace: 'normal', textAlign: 'left' }}>
                    <Link to={`/registry/agencies/${check.agencyId}`}>{(language === 'en' ? check.agencyNameEn : null) ?? check.agencyNameZh}</Link>
                  </td>
                  <td>{formatDate(check.dueOn, language)}</td>
                  <td>{d.commitmentStates[check.state]}</td>
                  <td>
                    <Link to={`/inspections/${check.inspectionId}`}>{d.commitmentOpenInspection}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {checks.hasNextPage && (
        <Button onClick={() => void checks.fetchNextPage()} loading={checks.isFetchingNextPage}>
          {t.sanctions.loadMore}
        </Button>
      )}
    </div>
  );
}
