import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/AppShell';
import { RequireRole } from './auth/RequireRole';
import { RouteError } from './layout/RouteError';
import { Loading } from '@/components/Loading';

/**
 * Every page loads on demand: the first load carries the shell and the page asked for, and the
 * officials' pages never reach a worker's phone unless opened.
 */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    // Shown while the first page's chunk arrives (on a weak connection, a moment worth a spinner).
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, lazy: () => import('@/features/home/PublicHomePage').then((m) => ({ Component: m.PublicHomePage })) },
      { path: 'verify', lazy: () => import('@/features/public-verify/VerifyPage').then((m) => ({ Component: m.VerifyPage })) },
      { path: 'verify/:number', lazy: () => import('@/features/public-verify/VerifyPage').then((m) => ({ Component: m.VerifyPage })) },
      { path: 'agencies', lazy: () => import('@/features/public-register/RegisterPage').then((m) => ({ Component: m.RegisterPage })) },
      { path: 'complaints/new', lazy: () => import('@/features/complaints/NewComplaintPage').then((m) => ({ Component: m.NewComplaintPage })) },
      { path: 'complaints/track', lazy: () => import('@/features/complaints/TrackComplaintPage').then((m) => ({ Component: m.TrackComplaintPage })) },
      { path: 'sanctions', lazy: () => import('@/features/enforcement/SanctionsPage').then((m) => ({ Component: m.SanctionsPage })) },
      { path: 'before-you-go', lazy: () => import('@/features/before-you-go/BeforeYouGoPage').then((m) => ({ Component: m.BeforeYouGoPage })) },
      { path: 'sign-in', lazy: () => import('@/features/auth/SignInPage').then((m) => ({ Component: m.SignInPage })) },
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
        path: 'cases',
        element: <RequireRole page="cases" />,
        children: [
          { index: true, lazy: () => import('@/features/enforcement/CasesPage').then((m) => ({ Component: m.CasesPage })) },
          { path: ':id', lazy: () => import('@/features/enforcement/CasePage').then((m) => ({ Component: m.CasePage })) },
        ],
      },
      { path: '*', lazy: () => import('@/components/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);
