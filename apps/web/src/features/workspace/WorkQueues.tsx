import { Link } from 'react-router';
import { useT } from '@/lib/i18n/use-i18n';
import { sum, useApplicationCount, useCaseCounts, useComplaintCount, useSelfAssessmentCount, type QueueCount } from './use-work-queues';

/** A case waits on the bureau until it is decided: to serve its notice, hear the agency, decide. */
const AWAITING_DECISION = ['opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held'] as const;

/** A queue: what waits, how many, and where to work on it. */
export function QueueCard({ title, count, to, testId, children }: { title: string; count?: QueueCount | null; to: string; testId: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <div className="link-card queue-card" data-testid={testId}>
      <h3>
        <Link to={to}>{title}</Link>
      </h3>
      {count !== null && <p className="queue-count">{count ? t.bureau.home.count(count.count, count.more) : '…'}</p>}
      {children}
    </div>
  );
}

/** The bureau admin's queues: applications to decide, self-assessments to review, complaints to triage, cases. */
export function WorkQueues() {
  const t = useT();
  const h = t.bureau.home;
  const submitted = useApplicationCount('submitted');
  const resubmitted = useApplicationCount('resubmitted');
  const underReview = useApplicationCount('under_review');
  const saSubmitted = useSelfAssessmentCount('submitted');
  const saResubmitted = useSelfAssessmentCount('resubmitted');
  const received = useComplaintCount('received');
  const reopened = useComplaintCount('reopened');
  const caseCounts = useCaseCounts().data;
  const small = (count: QueueCount | undefined) => (count ? t.bureau.home.count(count.count, count.more) : '…');

  return (
    <section className="panel" aria-labelledby="queues">
      <h2 id="queues">{h.queues}</h2>
      <div className="card-grid">
        <QueueCard title={h.applicationsToDecide} count={sum(submitted.data, resubmitted.data, underReview.data)} to="/applications?status=submitted" testId="queue-applications">
          <ul className="queue-links">
            <li>
              <Link to="/applications?status=submitted">{t.bureau.applicationStatus.submitted}</Link>: {small(submitted.data)}
            </li>
            <li>
              <Link to="/applications?status=resubmitted">{t.bureau.applicationStatus.resubmitted}</Link>: {small(resubmitted.data)}
            </li>
            <li>
              <Link to="/applications?status=under_review">{t.bureau.applicationStatus.under_review}</Link>: {small(underReview.data)}
            </li>
          </ul>
        </QueueCard>
        <QueueCard title={h.selfAssessmentsToReview} count={sum(saSubmitted.data, saResubmitted.data)} to="/self-assessments?status=submitted" testId="queue-self-assessments">
          <ul className="queue-links">
            <li>
              <Link to="/self-assessments?status=submitted">{t.bureau.selfAssessmentStatus.submitted}</Link>: {small(saSubmitted.data)}
            </li>
            <li>
              <Link to="/self-assessments?status=resubmitted">{t.bureau.selfAssessmentStatus.resubmitted}</Link>: {small(saResubmitted.data)}
            </li>
          </ul>
        </QueueCard>
        <QueueCard title={h.complaintsToTriage} count={sum(received.data, reopened.data)} to="/complaints?status=received" testId="queue-complaints">
          <ul className="queue-links">
            <li>
              <Link to="/complaints?status=received">{t.complaintStatus.received}</Link>: {small(received.data)}
            </li>
            <li>
              <Link to="/complaints?status=reopened">{t.complaintStatus.reopened}</Link>: {small(reopened.data)}
            </li>
          </ul>
        </QueueCard>
        <QueueCard title={h.casesAwaitingDecision} count={sum(...AWAITING_DECISION.map((status) => caseCounts?.[status]))} to="/cases" testId="queue-cases">
          <p>{h.casesHelp}</p>
          <ul className="queue-links">
            {AWAITING_DECISION.map((status) => (
              <li key={status}>
                <Link to={`/cases?status=${status}`}>{t.enforcement[`status_${status}`]}</Link>: {small(caseCounts?.[status])}
              </li>
            ))}
            <li>
              <Link to="/cases?overdue=true">{t.enforcement.overdueOnly}</Link>
            </li>
          </ul>
        </QueueCard>
      </div>
      <p className="registry-links" style={{ marginTop: 12 }}>
        <Link to="/registry/agencies">{h.register}</Link>
        <Link to="/bureau/users">{h.users}</Link>
        <Link to="/self-assessments?overdue=true">{h.overdueSelfAssessments}</Link>
      </p>
    </section>
  );
}
