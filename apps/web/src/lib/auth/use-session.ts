import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Role, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession);
}

/** The signed-in person's role; undefined when nobody is signed in. */
export function useRole(): Role | undefined {
  const session = useSession();
  return session.status === 'signedIn' ? session.me.role : undefined;
}
