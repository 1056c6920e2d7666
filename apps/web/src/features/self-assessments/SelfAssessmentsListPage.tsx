import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetTable } from '@/components/KeysetTable';
import type { Column } from '@/components/ListTable';
import { PageHeading } from '@/components/PageHeading';
import { StatusTag } from '@/components/StatusTag';
import type { ItemOf } from '@/hooks/use-keyset-list';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { agencyName } from '@/utils/agency-name';
import { SELF_ASSESSMENT_FILTERS, SELF_ASSESSMENT_TONE, useAgencyOf, useOpenRound, useSelfAssessments, type SelfAssessmentStatus } from './use-self-assessments';
import '@/components/styles/dashboard.css';
import './self-assessments.css';
import '@/components/styles/text-table.css';

const STATUSES: SelfAssessmentStatus[] = ['draft', 'submitted', 'resubmitted', 'returned', 'accepted'];

/** Self-assessments in reach, filtered from the URL; a bureau admin opens a round here. */
export function SelfAssessmentsListPage() {
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const url = useUrlFilters(SELF_ASSESSMENT_FILTERS);
  const list = useSelfAssessments(url.filters);
  const s = t.bureau.selfAssessments;
  const yesNo = [
    { value: 'true', label: t.bureau.common.yes },
    { value: 'false', label: t.bureau.common.no },
  ];
  const columns: Column<ItemOf<typeof list>>[] = [
    {
      header: s.agency,
      cell: (sa) => <Link to={`/self-assessments/${sa.id}`}>{sa.agencyNameZh ? agencyName({ agencyNameZh: sa.agencyNameZh, agencyNameEn: sa.agencyNameEn }, language) : s.open}</Link>,
      cellProps: { style: { whiteSpace: 'normal' } },
    },
    { header: s.period, cell: (sa) => sa.period },
    { header: s.dueOn, cell: (sa) => formatDeadline(sa.dueOn, language) },
    { header: s.status, cell: (sa) => <StatusTag tone={SELF_ASSESSMENT_TONE[sa.status]}>{t.bureau.selfAssessmentStatus[sa.status]}</StatusTag> },
    { header: s.score, cell: (sa) => sa.score ?? '—' },
  ];

  return (
    <div className="stack wide-page">
      <PageHeading title={s.title} intro={role === 'agency_user' ? s.introAgency : s.intro} />
      <FilterBar
        label={t.bureau.common.filters}
        url={url}
        clear="button"
        fields={[
          { name: 'status', label: s.status, options: choices(STATUSES, t.bureau.selfAssessmentStatus) },
          { name: 'period', label: s.period, type: 'number', min: 2000, max: 2100 },
          { name: 'overdue', label: s.overdue, options: yesNo },
          role !== 'agency_user' && { name: 'withDiscrepancies', id: 'filter-discrepancies', label: s.withDiscrepancies, options: yesNo },
        ]}
      />
      <KeysetTable list={list} empty={s.none} label={s.title} testId="self-assessments-table" className="text-table" rowKey={(sa) => sa.id} rowData={(sa) => ({ 'data-agency-id': sa.agencyId, 'data-period': sa.period })} columns={columns} />
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
