import type { Role } from './session';

/**
 * Which roles may open which signed-in pages. The navigation offers only these, a deep link
 * outside them shows the 403 page, and the API still decides every call.
 */
export const PAGE_ROLES = {
  home: ['system_admin', 'ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  helpLines: ['system_admin'],
  trends: ['ministry_official', 'bureau_admin'],
  overview: ['ministry_official', 'bureau_admin'],
  complaintsList: ['ministry_official', 'bureau_admin', 'inspector'],
  audit: ['ministry_official', 'system_admin'],
  users: ['system_admin'],
  jobs: ['system_admin'],
  calendar: ['system_admin'],
  priorities: ['bureau_admin', 'inspector'],
  inspections: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  correctiveActions: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  assignedComplaints: ['bureau_admin', 'inspector'],
  complaintDetail: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  applications: ['ministry_official', 'bureau_admin', 'agency_user'],
  selfAssessments: ['ministry_official', 'bureau_admin', 'agency_user'],
  registry: ['ministry_official', 'bureau_admin', 'inspector'],
  licence: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  bureauUsers: ['bureau_admin'],
  myAgency: ['agency_user'],
  notifications: ['system_admin', 'ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  annualReports: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  annualReportSummary: ['ministry_official', 'bureau_admin'],
  commitmentChecks: ['ministry_official', 'bureau_admin', 'inspector'],
  reserveFund: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  cases: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  placements: ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'],
  newPlacement: ['agency_user'],
  placementSummary: ['ministry_official', 'bureau_admin', 'inspector'],
} as const satisfies Record<string, readonly Role[]>;

export type SignedInPage = keyof typeof PAGE_ROLES;

export function mayOpen(role: Role, page: SignedInPage): boolean {
  return (PAGE_ROLES[page] as readonly Role[]).includes(role);
}
