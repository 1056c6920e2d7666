import { Link } from 'react-router';
import type { components } from '@/lib/api/schema';
import { formatDate, useLanguage, useT } from '@/lib/i18n/use-i18n';

type Profile = components['schemas']['AgencyProfileView'];
interface Entry {
  key: string;
  at: string;
  kind: 'licence' | 'inspection' | 'selfAssessment' | 'complaint';
  text: string;
  to?: string;
}

/** Everything that happened to the agency, newest first, in one timeline. */
export function AgencyHistory({ profile }: { profile: Profile }) {
  const t = useT();
  const language = useLanguage();
  const r = t.bureau.registry;
  const entries: Entry[] = [
    ...profile.licences.flatMap((licence) =>
      licence.events.map((event) => ({
        key: `e-${event.id}`,
        at: event.occurredAt,
        kind: 'licence' as const,
        text: `${licence.licenceNumber}: ${t.bureau.licenceEvent[event.kind]}${event.reason ? ` — ${event.reason}` : ''}`,
        to: `/registry/licences/${licence.id}`,
      })),
    ),
    ...profile.inspections.map((inspection) => ({
      key: `i-${inspection.id}`,
      at: inspection.inspectionDate,
      kind: 'inspection' as const,
      text: `${t.bureau.inspectionType[inspection.type]} · ${t.bureau.inspectionStatus[inspection.status]}${inspection.outcome ? ` · ${t.bureau.inspectionOutcome[inspection.outcome]}` : ''}`,
      to: `/inspections/${inspection.id}`,
    })),
    ...profile.selfAssessments.map((sa) => ({
      key: `s-${sa.id}`,
      at: sa.submittedAt ?? sa.dueOn,
      kind: 'selfAssessment' as const,
      text: `${r.selfAssessmentOf(sa.period)} · ${t.bureau.selfAssessmentStatus[sa.status]}${sa.score !== null && sa.score !== undefined ? ` · ${sa.score}` : ''}`,
      to: `/self-assessments/${sa.id}`,
    })),
    ...profile.complaints.map((complaint) => ({
      key: `c-${complaint.id}`,
      at: complaint.receivedAt,
      kind: 'complaint' as const,
      text: `${complaint.trackingCode} · ${t.complaintStatus[complaint.status]}${complaint.outcome ? ` · ${t.bureau.complaintOutcome[complaint.outcome]}` : ''}`,
      to: `/complaints/${complaint.id}`,
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  return (
    <section className="panel" aria-labelledby="agency-history">
      <h2 id="agency-history">{r.history}</h2>
      <p className="page-intro">{r.historyCounts(profile.inspections.length, profile.selfAssessments.length, profile.complaints.length)}</p>
      {entries.length === 0 ? (
        <p>{r.noHistory}</p>
      ) : (
        <ol className="timeline" data-testid="agency-history">
          {entries.map((entry) => (
            <li key={entry.key} className={`timeline-${entry.kind}`}>
              <span className="timeline-date">{formatDate(entry.at, language)}</span>
              <span className="timeline-kind">{r.historyKind[entry.kind]}</span>
              <span>{entry.to ? <Link to={entry.to}>{entry.text}</Link> : entry.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
