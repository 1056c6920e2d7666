import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage } from '@/components/ForbiddenPage';
import { mayOpen, type SignedInPage } from './access';
import { useSession } from './use-session';
import { Loading } from '@/components/Loading';
import { useWorkspaceTexts } from '../i18n/use-i18n';

/** Signed-in pages: wait for a reload's refresh, send strangers to sign in, say no to other roles. */
export function RequireRole({ page }: { page: SignedInPage }) {
  const session = useSession();
  const location = useLocation();
  // The workspaces' texts arrive in their own chunk, fetched while the session is restored.
  const texts = useWorkspaceTexts();
  if (session.status === 'restoring' || (session.status === 'signedIn' && !texts)) {
    return (
      <Loading />
    );
  }
  if (session.status === 'signedOut') {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!mayOpen(session.me.role, page)) return <ForbiddenPage role={session.me.role} />;
  return <Outlet />;
}
