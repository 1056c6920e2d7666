import { linkOf } from './notification-links';

describe('linkOf', () => {
  it('links a notification about one record to its page', () => {
    expect(linkOf('complaint.assigned', { complaintId: 'c1' })).toBe('/complaints/c1');
    expect(linkOf('case.decided', { caseId: 'k1' })).toBe('/cases/k1');
    expect(linkOf('inspection.assigned', { inspectionId: 'i1' })).toBe('/inspections/i1');
    expect(linkOf('annual_report.returned', { annualReportId: 'r1' })).toBe('/annual-reports/r1');
    expect(linkOf('reserve_fund.top_up_due', { agencyId: 'a1' })).toBe('/reserve-funds/a1');
    expect(linkOf('licence.expired', { licenceNumber: '350100-2026-000001' })).toBe('/verify/350100-2026-000001');
  });

  it('links a run of SLA breaches to the list of overdue complaints, and a single one to it', () => {
    expect(linkOf('complaint.sla_breached', { breaches: [{ complaintId: 'a' }, { complaintId: 'b' }] })).toBe('/complaints?overdue=true');
    expect(linkOf('complaint.sla_breached', { breaches: [{ complaintId: 'a' }] })).toBe('/complaints/a');
  });

  it('gives no link to a notice without a page, and escapes ids', () => {
    expect(linkOf('system.notice', {})).toBeNull();
    expect(linkOf('complaint.assigned', { complaintId: '../x' })).toBe('/complaints/..%2Fx');
  });
});
