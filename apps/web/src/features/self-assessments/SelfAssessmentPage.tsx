import { Alert, Button, Form, Input, Radio } from 'antd';
import { Link, useParams } from 'react-router';
import { isProblem } from '@/lib/api/problem';
import { useRole } from '@/lib/auth/use-session';
import { formatDate, formatDeadline, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { ActionProblem, fieldErrors } from '@/components/ActionProblem';
import { Loading } from '@/components/Loading';
import { NotFoundPage } from '@/components/NotFoundPage';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { StatusTag } from '@/components/StatusTag';
import { agencyName } from '@/utils/agency-name';
import { AnswerForm, groupBySection } from './AnswerForm';
import { SELF_ASSESSMENT_TONE, useAgencyOf, useDiscrepancyInspections, useSelfAssessment, useSelfAssessmentActions, type SelfAssessmentDetail } from './use-self-assessments';
import '@/components/styles/dashboard.css';
import './self-assessments.css';

const EDITABLE = ['draft', 'returned'];
const UNDER_REVIEW = ['submitted', 'resubmitted'];

/** One self-assessment: the agency fills it in; the bureau reviews it beside the inspections' findings. */
export function SelfAssessmentPage() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const role = useRole();
  const assessment = useSelfAssessment(id);
  const agency = useAgencyOf(assessment.data?.agencyId);
  const s = t.bureau.selfAssessments;

  if (assessment.isPending) return <Loading />;
  if (isProblem(assessment.error, 404)) return <NotFoundPage />;
  if (assessment.error) return <ProblemAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  const sa = assessment.data;
  const name = agency.data ? agencyName(agency.data, language) : '';
  const editable = role === 'agency_user' && EDITABLE.includes(sa.status);

  return (
    <div className="stack wide-page">
      <PageHeading title={s.titleOne(sa.period, name)} />
      <section className="panel" aria-labelledby="sa-facts">
        <h2 id="sa-facts">{s.details}</h2>
        <dl className="facts" data-testid="sa-facts">
          <dt>{s.agency}</dt>
          <dd>{role === 'agency_user' ? name : <Link to={`/registry/agencies/${sa.agencyId}`}>{name || sa.agencyId}</Link>}</dd>
          <dt>{s.period}</dt>
          <dd>{sa.period}</dd>
          <dt>{s.dueOn}</dt>
          <dd>{formatDeadline(sa.dueOn, language)}</dd>
          <dt>{s.status}</dt>
          <dd>
            <StatusTag tone={SELF_ASSESSMENT_TONE[sa.status]}>{t.bureau.selfAssessmentStatus[sa.status]}</StatusTag>
          </dd>
          {sa.submittedAt && (
            <>
              <dt>{s.submittedAt}</dt>
              <dd>{formatDate(sa.submittedAt, language, true)}</dd>
            </>
          )}
          {sa.score !== null && sa.score !== undefined && (
            <>
              <dt>{s.score}</dt>
              <dd>{sa.score}</dd>
            </>
          )}
        </dl>
      </section>
      {sa.reviewNote && (
        <Alert
          type={sa.status === 'returned' ? 'warning' : 'info'}
          showIcon
          data-testid="review-note"
          title={sa.status === 'returned' ? s.returnedWithNote : s.reviewNote}
          description={sa.reviewNote}
        />
      )}
      {editable ? <AnswerForm key={sa.version} assessment={sa} /> : <ReadOnlyAnswers assessment={sa} showFindings={role !== 'agency_user'} />}
      {role === 'bureau_admin' && UNDER_REVIEW.includes(sa.status) && <ReviewForm assessment={sa} />}
    </div>
  );
}

function ReadOnlyAnswers({ assessment, showFindings }: { assessment: SelfAssessmentDetail; showFindings: boolean }) {
  const t = useT();
  const language = useLanguage();
  const s = t.bureau.selfAssessments;
  const inspectionIds = showFindings ? [...new Set(assessment.discrepancies.map((d) => d.inspectionId))] : [];
  const inspections = useDiscrepancyInspections(inspectionIds);
  const findingOf = (itemCode: string, inspectionId: string) => inspections.find((q) => q.data?.id === inspectionId)?.data?.findings.find((f) => f.itemCode === itemCode);

  return (
    <section className="panel" aria-labelledby="sa-answers">
      <h2 id="sa-answers">{s.answers}</h2>
      {showFindings && assessment.discrepancies.length > 0 && (
        <Alert type="warning" showIcon data-testid="discrepancy-summary" title={s.discrepancies(assessment.discrepancies.length)} style={{ marginBottom: 12 }} />
      )}
      {groupBySection(assessment.answers).map(([section, items]) => (
        <div key={section} className="sa-section">
          <h3>{(s.sections as Record<string, string>)[section] ?? section}</h3>
          <ul className="sa-answer-list">
            {items.map((item) => {
              const discrepancies = showFindings ? assessment.discrepancies.filter((d) => d.itemCode === item.itemCode) : [];
              return (
                <li key={item.itemCode} className={discrepancies.length ? 'sa-answer discrepancy' : 'sa-answer'} data-item={item.itemCode}>
                  <div className="sa-answer-text">
                    <strong>{item.itemCode}</strong> {t.bureau.common.pickText(item.textZh, item.textEn)}
                    <div>
                      <span className="sa-answer-value">{item.answer ? s.answer[item.answer] : s.unanswered}</span>
                      {item.comment && <span className="agency-meta-inline"> · {item.comment}</span>}
                    </div>
                  </div>
                  {discrepancies.map((d) => {
                    const finding = findingOf(d.itemCode, d.inspectionId);
                    return (
                      <aside key={d.inspectionId} className="sa-finding" data-testid="discrepancy">
                        <strong>{s.discrepancy}</strong>
                        <div>
                          {s.inspectionFound(formatDate(d.inspectionDate, language))}{' '}
                          <Link to={`/inspections/${d.inspectionId}`}>{s.openInspection}</Link>
                        </div>
                        {finding?.result && <div>{t.bureau.findingResult[finding.result]}</div>}
                        {finding?.note && <div className="agency-meta-inline">{finding.note}</div>}
                      </aside>
                    );
                  })}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ReviewForm({ assessment }: { assessment: SelfAssessmentDetail }) {
  const t = useT();
  const s = t.bureau.selfAssessments;
  const { review } = useSelfAssessmentActions(assessment.id);
  const [form] = Form.useForm<{ decision: 'accept' | 'return'; note?: string }>();
  const decision = Form.useWatch('decision', form);
  return (
    <section className="panel" aria-labelledby="sa-review">
      <h2 id="sa-review">{s.reviewTitle}</h2>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'accept' }}
        onFinish={(values) =>
          review.mutate({ decision: values.decision, note: values.note?.trim() || undefined, version: assessment.version }, { onError: (error) => form.setFields(fieldErrors(error) as never) })
        }
      >
        <Form.Item name="decision" label={s.decision}>
          <Radio.Group>
            <Radio value="accept">{s.accept}</Radio>
            <Radio value="return">{s.return}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={decision === 'return' ? s.note : `${s.note} ${t.common.optional}`} rules={decision === 'return' ? [{ required: true, whitespace: true, min: 3, message: s.noteRequired }] : []}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={review.isPending}>
          {s.confirmReview}
        </Button>
      </Form>
      {review.error && !(isProblem(review.error, 400) && review.error.errors.length > 0) && (
        <div style={{ marginTop: 12 }}>
          <ActionProblem error={review.error} />
        </div>
      )}
    </section>
  );
}
