import { Button, Checkbox, Empty, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCases, useSanctionText, type CaseStatus } from './use-cases';
import '@/features/dashboard/dashboard.css';

const STATUSES: CaseStatus[] = ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held', 'decided', 'closed', 'withdrawn'];

/** The cases queue (bureau and inspectors) or the agency's cases; filters live in the address. */
export function CasesPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const sanctionText = useSanctionText();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const overdue = params.get('overdue') === 'true' ? true : undefined;
  const cases = useCases({ status, overdue });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const isAgency = session.status === 'signedIn' && session.me.role === 'agency_user';

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="stack wide-page">
      <PageHeading title={t.enforcement.casesTitle} intro={isAgency ? t.enforcement.agencyCasesIntro : t.enforcement.casesIntro} />
      <div className="panel card-grid" role="search">
        <label>
          {t.enforcement.filterStatus}
          <NativeSelect
            value={status}
            placeholder={t.enforcement.allStatuses}
            onChange={(value) => set('status', value || undefined)}
            options={STATUSES.map((s) => ({ value: s, label: t.enforcement[`status_${s}`] }))}
          />
        </label>
        {!isAgency && (
          <Checkbox checked={overdue === true} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}>
            {t.enforcement.overdueOnly}
          </Checkbox>
        )}
      </div>
      {cases.isPending && <Loading />}
      {cases.error && <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.enforcement.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.enforcement.casesTitle} style={{ maxHeight: 'none' }}>
          <table className="figures" data-testid="cases-table">
            <thead>
              <tr>
                <th scope="col">{t.enforcement.caseNumber}</th>
                <th scope="col">{t.enforcement.agency}</th>
                <th scope="col">{t.enforcement.proposed}</th>
                <th scope="col">{t.enforcement.status}</th>
                <th scope="col">{t.enforcement.openedAt}</th>
                <th scope="col">{t.enforcement.decisionDueOn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>
                  </th>
                  <td style={{ whiteSpace: 'normal', textAlign: 'left' }}>{(language === 'en' ? c.agencyNameEn : undefined) ?? c.agencyNameZh}</td>
                  <td>{sanctionText(c.proposedSanction, c.proposedFineAmount, c.proposedSuspensionDays)}</td>
                  <td>{t.enforcement[`status_${c.status}`]}</td>
                  <td>{formatDate(c.openedAt, language)}</td>
                  <td>
                    {formatDate(c.decisionDueOn, language)} {c.overdue && <Tag color="#a8071a">{t.enforcement.overdue}</Tag>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cases.hasNextPage && (
        <div>
          <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>
            {t.sanctions.loadMore}
          </Button>
        </div>
      )}
    </div>
  );
}
