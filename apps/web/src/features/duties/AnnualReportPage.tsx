import { Alert, Button, Form, Input, Radio, Tag, message as antMessage } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { ReportFigures } from './ReportFigures';
import { ReportForm } from './ReportForm';
import { useAnnualReport, useReviewReport, type AnnualReport } from './use-duties';
import './duties.css';

/** One annual report: the agency fills it in (draft or returned); the bureau reads and reviews it. */
export function AnnualReportPage() {
  const { id = '' } = useParams();
  const t = useT().duties;
  const language = useLanguage();
  const report = useAnnualReport(id);
  const role = useRole();
  if (report.isPending) return <Loading />;
  if (report.error) return <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const editable = role === 'agency_user' && (r.status === 'draft' || r.status === 'returned');
  const agencyName = language === 'en' && r.agencyNameEn ? r.agencyNameEn : r.agencyNameZh;

  return (
    <div className="stack wide-page">
      <PageHeading title={t.reportTitle(r.year, agencyName)} />
      <p>
        <Link to="/annual-reports">{t.backToList}</Link>
      </p>
      <section className="panel" aria-labelledby="report-status">
        <h2 id="report-status">{t.statusTitle}</h2>
        <dl className="facts">
          <dt>{t.status}</dt>
          <dd>
            <Tag variant="solid" color={STATUS_COLOUR[r.status]} data-testid="report-status">
              {t.statuses[r.status]}
            </Tag>
            {r.overdueAt && (
              <Tag variant="solid" color={FLAG_COLOUR}>
                {t.overdue}
              </Tag>
            )}
          </dd>
          <dt>{t.dueOn}</dt>
          <dd>{formatDeadline(r.dueOn, language)}</dd>
          {r.submittedAt && (
            <>
              <dt>{t.submittedAt}</dt>
              <dd>{formatDate(r.submittedAt, language, true)}</dd>
            </>
          )}
          {r.reviewNote && (
            <>
              <dt>{t.reviewNote}</dt>
              <dd data-testid="review-note">{r.reviewNote}</dd>
            </>
          )}
        </dl>
      </section>
      {editable ? (
        <ReportForm report={r} />
      ) : (
        <section className="panel" aria-labelledby="report-figures-title">
          <h2 id="report-figures-title">{t.figuresTitle}</h2>
          <ReportFigures report={r} />
        </section>
      )}
      {role === 'bureau_admin' && (r.status === 'submitted' || r.status === 'resubmitted') && <ReviewPanel report={r} />}
    </div>
  );
}

/** Solid colours with white text, above 4.5:1 contrast (antd's pastel presets are not). */
export const STATUS_COLOUR: Record<AnnualReport['status'], string> = { draft: '#595959', submitted: '#0b5cad', resubmitted: '#0b5cad', accepted: '#1f6b06', returned: '#a64300' };
export const FLAG_COLOUR = '#a8071a';

function ReviewPanel({ report }: { report: AnnualReport }) {
  const t = useT().duties;
  const review = useReviewReport(report.id);
  const [decision, setDecision] = useState<'accept' | 'return'>('accept');
  const [note, setNote] = useState('');
  const [message, messageHolder] = antMessage.useMessage();
  const noteError = review.error instanceof ApiProblem ? review.error.errors.find((e) => e.field === 'note')?.message : undefined;
  const onReview = () =>
    review.mutate(
      { decision, version: report.version, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: (updated) => void message.success(updated.status === 'accepted' ? t.acceptedMessage : t.returnedMessage) },
    );
  return (
    <section className="panel" aria-labelledby="review-title">
      {messageHolder}
      <h2 id="review-title">{t.reviewTitle}</h2>
      {report.feeFlag && <Alert type="warning" showIcon title={t.feeFlagExplained} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={onReview}>
        <Form.Item label={t.decision}>
          <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'accept' | 'return')} data-testid="review-decision">
            <Radio value="accept">{t.accept}</Radio>
            <Radio value="return">{t.return}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t.note} htmlFor="review-note-input" validateStatus={noteError ? 'error' : undefined} help={noteError ?? (decision === 'return' ? t.noteRequired : undefined)}>
          <Input.TextArea id="review-note-input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        </Form.Item>
        {review.error && !noteError && <ProblemAlert error={review.error} />}
        <Button type="primary" htmlType="submit" loading={review.isPending} data-testid="review-submit">
          {t.recordDecision}
        </Button>
      </Form>
    </section>
  );
}
