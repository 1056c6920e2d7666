import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useComplaintCategories } from '@/lib/api/reference';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ActionProblem } from '@/components/ActionProblem';
import { choices, FilterBar } from '@/components/FilterBar';
import { KeysetList } from '@/components/KeysetList';
import { PageHeading } from '@/components/PageHeading';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { useAnswerComplaint } from './api/answer-complaint';
import { useAgencyComplaints } from './api/get-agency-complaints';
import '@/components/styles/dashboard.css';

type Complaint = components['schemas']['ComplaintView'];
type Status = components['schemas']['ComplaintStatus'];
const STATUSES: Status[] = ['received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened'];
/** The flow takes an agency's answer while the complaint is being handled. */
const ANSWERABLE: Status[] = ['received', 'triaged', 'investigating', 'reopened'];

/** Complaints about the signed-in agency (never the complainant's identity), with its answers. */
export function MyAgencyComplaintsPage() {
  const t = useT();
  const language = useLanguage();
  const c = t.bureau.agencyComplaints;
  const categories = useComplaintCategories();
  const url = useUrlFilters(['status'] as const);
  const status = url.filters.status as Status | undefined;
  const list = useAgencyComplaints(url.filters, status);
  const categoryName = (code: string) => {
    const category = categories.data?.find((x) => x.code === code);
    return category ? (language === 'en' ? category.nameEn : category.nameZh) : code;
  };

  return (
    <div className="stack wide-page">
      <PageHeading title={c.title} intro={c.intro} />
      <FilterBar label={t.bureau.common.filters} url={url} fields={[{ name: 'status', label: c.status, options: choices(STATUSES, t.complaintStatus) }]} />
      <KeysetList list={list} empty={c.none}>
        {(items) => (
          <ul className="result-list" data-testid="agency-complaints">
            {items.map((complaint) => (
              <li key={complaint.id} className="panel" data-tracking={complaint.trackingCode}>
                <div className="panel-heading">
                  <h2 style={{ fontSize: 17 }}>
                    <Link to={`/complaints/${complaint.id}`}>{complaint.trackingCode}</Link>
                  </h2>
                  <span className="status-tag info">{t.complaintStatus[complaint.status]}</span>
                </div>
                <dl className="facts">
                  <dt>{c.receivedAt}</dt>
                  <dd>{formatDate(complaint.receivedAt, language)}</dd>
                  <dt>{c.categories}</dt>
                  <dd>{complaint.categories.map(categoryName).join('、')}</dd>
                  <dt>{c.description}</dt>
                  <dd style={{ whiteSpace: 'pre-wrap' }}>{complaint.description}</dd>
                  <dt>{c.complainant}</dt>
                  <dd>{c.withheld}</dd>
                  {complaint.outcome && (
                    <>
                      <dt>{c.outcome}</dt>
                      <dd>{t.bureau.complaintOutcome[complaint.outcome]}</dd>
                    </>
                  )}
                </dl>
                {ANSWERABLE.includes(complaint.status) && <Answer complaint={complaint} />}
              </li>
            ))}
          </ul>
        )}
      </KeysetList>
    </div>
  );
}

function Answer({ complaint }: { complaint: Complaint }) {
  const t = useT();
  const c = t.bureau.agencyComplaints;
  const [text, setText] = useState('');
  const answer = useAnswerComplaint({ onSuccess: () => setText('') });
  const id = `answer-${complaint.id}`;
  return (
    <div style={{ marginTop: 12 }}>
      <label htmlFor={id}>{c.answer}</label>
      <Input.TextArea id={id} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      <Button style={{ marginTop: 8 }} onClick={() => answer.mutate({ id: complaint.id, answer: text.trim() })} disabled={!text.trim()} loading={answer.isPending}>
        {c.send}
      </Button>
      {answer.isSuccess && <Alert type="success" showIcon role="status" title={c.sent} style={{ marginTop: 8 }} />}
      {answer.error && <ActionProblem error={answer.error} />}
    </div>
  );
}
