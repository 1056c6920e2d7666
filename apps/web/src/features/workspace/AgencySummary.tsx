import { Link } from 'react-router';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';
import { Loading } from '@/components/Loading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueueCard } from './WorkQueues';
import { useAgencyLicences } from './api/get-agency-licences';
import { sum, useApplicationCount, useComplaintCount, useCorrectiveActionCount, useSelfAssessmentCount } from './use-work-queues';

const RENEWAL_WINDOW_DAYS = 90;

/** The agency's home: its licences at a glance and what it must do now. */
export function AgencySummary({ agencyId }: { agencyId: string }) {
  const t = useT();
  const language = useLanguage();
  const h = t.bureau.home;
  const licences = useAgencyLicences(agencyId);
  const drafts = useSelfAssessmentCount('draft');
  const returned = useSelfAssessmentCount('returned');
  const applicationsReturned = useApplicationCount('returned');
  const actionsOpen = useCorrectiveActionCount('open');
  const actionsOverdue = useCorrectiveActionCount('overdue');
  const complaints = useComplaintCount('investigating');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const renewable = (licences.data ?? []).filter((l) => (l.status === 'active' || l.status === 'suspended') && daysBetween(today, l.expiresOn) <= RENEWAL_WINDOW_DAYS && l.expiresOn >= today);

  return (
    <>
      <section className="panel" aria-labelledby="agency-licences">
        <h2 id="agency-licences">{h.yourLicences}</h2>
        {licences.isPending && <Loading />}
        {licences.error && <ProblemAlert error={licences.error} />}
        <ul className="queue-links" data-testid="home-licences">
          {licences.data?.map((licence) => (
            <li key={licence.id}>
              <Link to={`/registry/licences/${licence.id}`}>{licence.licenceNumber}</Link> · {t.licenceStatus[licence.status]} · {h.expires(formatDate(licence.expiresOn, language))}
            </li>
          ))}
        </ul>
        {renewable.length > 0 && (
          <p className="renewal-note" data-testid="renewal-open">
            {h.renewalOpen(renewable.map((l) => l.licenceNumber).join('、'))} <Link to="/my-agency">{h.applyRenewal}</Link>
          </p>
        )}
        <p>
          <Link to="/my-agency">{h.myAgency}</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="to-do">
        <h2 id="to-do">{h.toDo}</h2>
        <div className="card-grid">
          <QueueCard title={h.selfAssessmentsToFill} count={sum(drafts.data, returned.data)} to="/self-assessments" testId="todo-self-assessments" />
          <QueueCard title={h.applicationsReturned} count={applicationsReturned.data} to="/applications?status=returned" testId="todo-applications" />
          <QueueCard title={h.correctiveActionsToAnswer} count={sum(actionsOpen.data, actionsOverdue.data)} to="/corrective-actions" testId="todo-corrective-actions" />
          <QueueCard title={h.complaintsAboutYou} count={complaints.data} to="/my-agency/complaints" testId="todo-complaints" />
        </div>
      </section>
    </>
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
