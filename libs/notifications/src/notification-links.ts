type Payload = Record<string, unknown>;

const id = (p: Payload, key: string): string | null => {
  const value = p[key];
  return typeof value === 'string' && value.length > 0 ? encodeURIComponent(value) : null;
};

/**
 * The web app's page a notification is about: the record, or the filtered list when it is about
 * several (a run of SLA breaches). Null when the reader has no page for it (the generic notice).
 * Paths, not URLs: the web app resolves them, and an email adds its own origin if it needs one.
 */
export function linkOf(kind: string, payload: Payload): string | null {
  const area = kind.split('.')[0];
  if (kind === 'complaint.sla_breached') {
    const breaches = Array.isArray(payload.breaches) ? (payload.breaches as Payload[]) : [];
    const only = breaches.length === 1 ? id(breaches[0], 'complaintId') : null;
    return only ? `/complaints/${only}` : '/complaints?overdue=true';
  }
  switch (area) {
    case 'complaint':
      return id(payload, 'complaintId') ? `/complaints/${id(payload, 'complaintId')}` : '/complaints';
    case 'case':
      return id(payload, 'caseId') ? `/cases/${id(payload, 'caseId')}` : '/cases';
    case 'inspection':
    case 'corrective_actions':
      return id(payload, 'inspectionId') ? `/inspections/${id(payload, 'inspectionId')}` : '/inspections';
    case 'corrective_action':
      return '/corrective-actions';
    case 'annual_report':
      return id(payload, 'annualReportId') ? `/annual-reports/${id(payload, 'annualReportId')}` : '/annual-reports';
    case 'reserve_fund':
      return id(payload, 'agencyId') ? `/reserve-funds/${id(payload, 'agencyId')}` : null;
    case 'licence':
      return id(payload, 'licenceNumber') ? `/verify/${id(payload, 'licenceNumber')}` : null;
    case 'credit_grade':
    case 'commitment_check':
      return id(payload, 'inspectionId') ? `/inspections/${id(payload, 'inspectionId')}` : null;
    default:
      return null;
  }
}
