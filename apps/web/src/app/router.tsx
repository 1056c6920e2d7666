import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/AppShell';
import { RouteError } from './layout/RouteError';
import { Loading } from '@/components/Loading';

/** The public pages' paths: opening one never loads the officers' route table. */
const PUBLIC_PATHS = /^\/(verify(\/[^/]+)?|agencies|complaints\/(new|track)|sanctions|before-you-go|placements\/check(\/[^/]+)?)?\/?$/;
let staffPatched = false;

/**
 * Every page loads on demand: the first load carries the shell and the page asked for, and the
 * officials' pages never reach a worker's phone unless opened. The public routes are here; the
 * officers' (staff-routes.tsx) are patched in on the first navigation to a path outside them.
 */
export const router = createBrowserRouter(
  [
    {
      id: 'shell',
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
        { path: 'placements/check', lazy: () => import('@/features/placements/PlacementCheckPage').then((m) => ({ Component: m.PlacementCheckPage })) },
        { path: 'placements/check/:code', lazy: () => import('@/features/placements/PlacementCheckPage').then((m) => ({ Component: m.PlacementCheckPage })) },
        { path: '*', lazy: () => import('@/components/NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
      ],
    },
  ],
  {
    async patchRoutesOnNavigation({ path, patch }) {
      if (staffPatched || PUBLIC_PATHS.test(path.split('?')[0] ?? '')) return;
      const { staffRoutes } = await import('./staff-routes');
      if (staffPatched) return;
      staffPatched = true;
      patch('shell', staffRoutes);
    },
  },
);
