import { Button, Empty, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isProblem } from '@/api/problem';
import { useSession } from '@/app/auth/use-session';
import { formatDate, useLanguage, useT } from '@/app/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { LoadMore } from '@/components/LoadMore';
import { Loading } from '@/components/Loading';
import { NativeSelect } from '@/components/NativeSelect';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { useUrlFilters } from '@/components/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { SELF_ASSESSMENT_FILTERS, SELF_ASSESSMENT_TONE, useAgencyOf, useOpenRound, useSelfAssessments, type SelfAssessmentStatus } from './use-self-assessments';
import '@/features/dashboard/dashboard.css';
import './self-assessments.css';
import '@/components/text-table.css';

const STATUSES: SelfAssessmentStatus[] = ['draft', 'submitted', 'resubmitted', 'returned', 'accepted'];

/** Self-assessments in reach, filtered from the URL; a bureau admin opens a round here. */
export function SelfAssessmentsListPage() {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const role = session.status === 'signedIn' ? session.me.role : undefined;
  const { filters, setFilter, clear } = useUrlFilters(SELF_ASSESSMENT_FILTERS);
  const list = useSelfAssessments(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const s = t.bureau.selfAssessments;
  const yesNo = [
    { value: 'true', label: t.bureau.common.yes },
    { value: 'false', label: t.bureau.common.no },
  ];

  return (
    <div className="stack wide-page">
      <PageHeading title={s.title} intro={role === 'agency_user' ? s.introAgency : s.intro} />
      <div className="filter-bar" role="group" aria-label={t.bureau.common.filters}>
        <label>
          {s.status}
          <NativeSelect id="filter-status" value={filters.status} onChange={(v) => setFilter('status', v)} placeholder={t.bureau.common.all} options={STATUSES.map((v) => ({ value: v, label: t.bureau.selfAssessmentStatus[v] }))} />
        </label>
        <label>
          {s.period}
          <input id="filter-period" type="number" min={2000} max={2100} defaultValue={filters.period} onBlur={(e) => setFilter('period', e.target.value || undefined)} onKeyDown={(e) => e.key === 'Enter' && setFilter('period', (e.target as HTMLInputElement).value || undefined)} />
        </label>
        <label>
          {s.overdue}
          <NativeSelect id="filter-overdue" value={filters.overdue} onChange={(v) => setFilter('overdue', v)} placeholder={t.bureau.common.all} options={yesNo} />
        </label>
        {role !== 'agency_user' && (
          <label>
            {s.withDiscrepancies}
            <NativeSelect id="filter-discrepancies" value={filters.withDiscrepancies} onChange={(v) => setFilter('withDiscrepancies', v)} placeholder={t.bureau.common.all} options={yesNo} />
          </label>
        )}
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
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.none} />}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={s.title} style={{ maxHeight: 'none' }}>
          <table className="figures text-table" data-testid="self-assessments-table">
            <thead>
              <tr>
                <th scope="col">{s.agency}</th>
                <th scope="col">{s.period}</th>
                <th scope="col">{s.dueOn}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.score}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((sa) => (
                <tr key={sa.id} data-agency-id={sa.agencyId} data-period={sa.period}>
                  <th scope="row" style={{ whiteSpace: 'normal' }}>
                    <Link to={`/self-assessments/${sa.id}`}>{sa.agencyNameZh ? agencyName({ agencyNameZh: sa.agencyNameZh, agencyNameEn: sa.agencyNameEn }, language) : s.open}</Link>
                  </th>
                  <td>{sa.period}</td>
                  <td>{formatDate(sa.dueOn, language)}</td>
                  <td>
                    <StatusTag tone={SELF_ASSESSMENT_TONE[sa.status]}>{t.bureau.selfAssessmentStatus[sa.status]}</StatusTag>
                  </td>
                  <td>{sa.score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {role === 'bureau_admin' && <OpenRound />}
    </div>
  );
}

/** A bureau admin opens a round: for one agency (by id, from its page) or every licensed agency in reach. */
function OpenRound() {
  const t = useT();
  const s = t.bureau.selfAssessments;
  const open = useOpenRound();
  const language = useLanguage();
  const [form] = Form.useForm<{ period: string; dueOn: string }>();
  const [result, setResult] = useState<string>();
  const { filters } = useUrlFilters(['agencyId'] as const);
  const agency = useAgencyOf(filters.agencyId);
  return (
    <section className="panel" aria-labelledby="open-round">
      <h2 id="open-round">{s.openRoundTitle}</h2>
      <p className="page-intro" data-testid="round-for">{filters.agencyId ? s.openRoundFor(agency.data ? agencyName(agency.data, language) : '…') : s.openRoundAll}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: String(new Date().getFullYear()) }}
        onFinish={(values) =>
          open.mutate(
            { period: Number(values.period), dueOn: values.dueOn, ...(filters.agencyId ? { agencyId: filters.agencyId } : {}) },
            { onSuccess: (r) => setResult(s.opened(r.created, r.skipped)), onError: (error) => form.setFields(fieldErrors(error) as never) },
          )
        }
      >
        <div className="form-grid">
          <Form.Item name="period" label={s.period} rules={[{ required: true, message: t.bureau.common.required }]}>
            <Input type="number" min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="dueOn" label={s.dueOn} rules={[{ required: true, message: t.bureau.common.required }]}>
            <Input type="date" />
          </Form.Item>
        </div>
        <Button htmlType="submit" loading={open.isPending}>
          {s.openRound}
        </Button>
      </Form>
      {result && <p role="status" data-testid="round-result">{result}</p>}
      {open.error && !(isProblem(open.error, 400) && open.error.errors.length > 0) && <ActionProblem error={open.error} />}
    </section>
  );
}
