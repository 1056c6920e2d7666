import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage } from '@/components/ForbiddenPage';
import { mayOpen, type SignedInPage } from './access';
import { useSession } from './use-session';
import { Loading } from '@/components/Loading';

/** Signed-in pages: wait for a reload's refresh, send strangers to sign in, say no to other roles. */
export function RequireRole({ page }: { page: SignedInPage }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') {
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
