import type { components } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import './SlaTag.css';

type SlaStatus = components['schemas']['ComplaintSlaStatus'];
type Severity = components['schemas']['ComplaintSeverity'];

/** The API's SLA colour (green, amber from 2 working days before, red breached) with its words: colour is never the only sign. */
export function SlaTag({ status }: { status: SlaStatus }) {
  const t = useT();
  return (
    <span className={`sla-tag sla-${status}`} data-sla={status}>
      <span className="sla-dot" aria-hidden="true" />
      {t.inspector.complaints.slaName[status]}
    </span>
  );
}

/** A complaint's urgency in words, urgent and high ones marked so that they stand out in a list. */
export function SeverityLabel({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <span className={`severity-${severity}`} data-severity={severity}>
      {t.inspector.complaints.severityName[severity]}
    </span>
  );
}
