import type { RouteObject } from 'react-router';
import { RequireRole } from '@/lib/auth/RequireRole';
import type { SignedInPage } from '@/lib/auth/access';

/** A signed-in page at `path`, for the roles of `page`, loaded on demand. */
function signedIn(path: string, page: SignedInPage, lazy: () => Promise<{ Component: React.ComponentType }>) {
  return [{ path, element: <RequireRole page={page} />, children: [{ index: true, lazy }] }];
}

/**
 * The officers' routes and sign-in, patched into the router (router.tsx) the first time one of
 * their paths is opened: neither this table nor Ant Design is part of a public page's first load.
 */
export const staffRoutes: RouteObject[] = [
  {
    // The officers' pages and sign-in: Ant Design's provider comes with them, never on a public page.
    lazy: () => import('./layout/StaffLayout').then((m) => ({ Component: m.StaffLayout })),
    children: [
      { path: 'sign-in', lazy: () => import('@/features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
      { path: 'reset-password', lazy: () => import('@/features/auth/ResetPasswordPage').then((m) => ({ Component: m.ResetPasswordPage })) },
      {
        path: 'home',
        element: <RequireRole page="home" />,
        children: [{ index: true, lazy: () => import('@/features/workspace/RoleHomePage').then((m) => ({ Component: m.RoleHomePage })) }],
      },
      {
        path: 'admin/help-lines',
        element: <RequireRole page="helpLines" />,
        children: [{ index: true, lazy: () => import('@/features/help-lines-admin/HelpLinesAdminPage').then((m) => ({ Component: m.HelpLinesAdminPage })) }],
      },
      {
        path: 'dashboard/trends',
        element: <RequireRole page="trends" />,
        children: [{ index: true, lazy: () => import('@/features/dashboard/TrendsPage').then((m) => ({ Component: m.TrendsPage })) }],
      },
      {
        path: 'dashboard/overview',
        element: <RequireRole page="overview" />,
        children: [{ index: true, lazy: () => import('@/features/dashboard/OverviewPage').then((m) => ({ Component: m.OverviewPage })) }],
      },
      {
        path: 'complaints',
        element: <RequireRole page="complaintsList" />,
        children: [{ index: true, lazy: () => import('@/features/complaints-list/ComplaintsListPage').then((m) => ({ Component: m.ComplaintsListPage })) }],
      },
      {
        path: 'audit',
        element: <RequireRole page="audit" />,
        children: [{ index: true, lazy: () => import('@/features/audit/AuditPage').then((m) => ({ Component: m.AuditPage })) }],
      },
      {
        path: 'admin/users',
        element: <RequireRole page="users" />,
        children: [{ index: true, lazy: () => import('@/features/system-admin/UsersAdminPage').then((m) => ({ Component: m.UsersAdminPage })) }],
      },
      {
        path: 'admin/jobs',
        element: <RequireRole page="jobs" />,
        children: [{ index: true, lazy: () => import('@/features/system-admin/JobsAdminPage').then((m) => ({ Component: m.JobsAdminPage })) }],
      },
      {
        path: 'admin/calendar',
        element: <RequireRole page="calendar" />,
        children: [{ index: true, lazy: () => import('@/features/system-admin/CalendarAdminPage').then((m) => ({ Component: m.CalendarAdminPage })) }],
      },
      {
        path: 'inspector/priorities',
        element: <RequireRole page="priorities" />,
        children: [{ index: true, lazy: () => import('@/features/inspections/PrioritiesPage').then((m) => ({ Component: m.PrioritiesPage })) }],
      },
      {
        path: 'inspections',
        element: <RequireRole page="inspections" />,
        children: [
          { index: true, lazy: () => import('@/features/inspections/InspectionsListPage').then((m) => ({ Component: m.InspectionsListPage })) },
          { path: ':id', lazy: () => import('@/features/inspections/InspectionPage').then((m) => ({ Component: m.InspectionPage })) },
        ],
      },
      {
        path: 'corrective-actions',
        element: <RequireRole page="correctiveActions" />,
        children: [{ index: true, lazy: () => import('@/features/inspections/CorrectiveActionsPage').then((m) => ({ Component: m.CorrectiveActionsPage })) }],
      },
      {
        path: 'complaints/assigned',
        element: <RequireRole page="assignedComplaints" />,
        children: [{ index: true, lazy: () => import('@/features/complaint-handling/AssignedComplaintsPage').then((m) => ({ Component: m.AssignedComplaintsPage })) }],
      },
      {
        path: 'complaints/:id',
        element: <RequireRole page="complaintDetail" />,
        children: [{ index: true, lazy: () => import('@/features/complaint-handling/ComplaintDetailPage').then((m) => ({ Component: m.ComplaintDetailPage })) }],
      },
      // The bureau's and the agency's workspaces (bureau helper).
      ...signedIn('applications', 'applications', () => import('@/features/applications/ApplicationsListPage').then((m) => ({ Component: m.ApplicationsListPage }))),
      ...signedIn('applications/:id', 'applications', () => import('@/features/applications/ApplicationPage').then((m) => ({ Component: m.ApplicationPage }))),
      ...signedIn('self-assessments', 'selfAssessments', () => import('@/features/self-assessments/SelfAssessmentsListPage').then((m) => ({ Component: m.SelfAssessmentsListPage }))),
      ...signedIn('self-assessments/:id', 'selfAssessments', () => import('@/features/self-assessments/SelfAssessmentPage').then((m) => ({ Component: m.SelfAssessmentPage }))),
      ...signedIn('registry/agencies', 'registry', () => import('@/features/registry/AgenciesRegisterPage').then((m) => ({ Component: m.AgenciesRegisterPage }))),
      ...signedIn('registry/agencies/:id', 'registry', () => import('@/features/registry/AgencyPage').then((m) => ({ Component: m.AgencyPage }))),
      ...signedIn('registry/licences/:id', 'licence', () => import('@/features/registry/LicencePage').then((m) => ({ Component: m.LicencePage }))),
      ...signedIn('bureau/users', 'bureauUsers', () => import('@/features/bureau-users/BureauUsersPage').then((m) => ({ Component: m.BureauUsersPage }))),
      ...signedIn('my-agency', 'myAgency', () => import('@/features/my-agency/MyAgencyPage').then((m) => ({ Component: m.MyAgencyPage }))),
      ...signedIn('my-agency/complaints', 'myAgency', () => import('@/features/my-agency/MyAgencyComplaintsPage').then((m) => ({ Component: m.MyAgencyComplaintsPage }))),
      ...signedIn('notifications', 'notifications', () => import('@/features/workspace/NotificationsPage').then((m) => ({ Component: m.NotificationsPage }))),
      {
        path: 'annual-reports',
        element: <RequireRole page="annualReports" />,
        children: [
          { index: true, lazy: () => import('@/features/duties/AnnualReportsPage').then((m) => ({ Component: m.AnnualReportsPage })) },
          {
            path: 'summary',
            element: <RequireRole page="annualReportSummary" />,
            children: [{ index: true, lazy: () => import('@/features/duties/AnnualReportSummaryPage').then((m) => ({ Component: m.AnnualReportSummaryPage })) }],
          },
          { path: ':id', lazy: () => import('@/features/duties/AnnualReportPage').then((m) => ({ Component: m.AnnualReportPage })) },
        ],
      },
      ...signedIn('commitment-checks', 'commitmentChecks', () => import('@/features/duties/CommitmentChecksPage').then((m) => ({ Component: m.CommitmentChecksPage }))),
      {
        path: 'reserve-funds/:agencyId',
        element: <RequireRole page="reserveFund" />,
        children: [{ index: true, lazy: () => import('@/features/duties/ReserveFundPage').then((m) => ({ Component: m.ReserveFundPage })) }],
      },
      {
        path: 'cases',
        element: <RequireRole page="cases" />,
        children: [
          { index: true, lazy: () => import('@/features/enforcement/CasesPage').then((m) => ({ Component: m.CasesPage })) },
          { path: ':id', lazy: () => import('@/features/enforcement/CasePage').then((m) => ({ Component: m.CasePage })) },
        ],
      },
      ...signedIn('placements', 'placements', () => import('@/features/placements/PlacementsPage').then((m) => ({ Component: m.PlacementsPage }))),
      ...signedIn('placements/new', 'newPlacement', () => import('@/features/placements/NewPlacementPage').then((m) => ({ Component: m.NewPlacementPage }))),
      ...signedIn('placements/summary', 'placementSummary', () => import('@/features/placements/PlacementSummaryPage').then((m) => ({ Component: m.PlacementSummaryPage }))),
    ],
  },
];
