import { api, data, setTokenSource } from '@/lib/api/client';
import { ApiProblem } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Me = components['schemas']['MeView'];
export type Role = Me['role'];

/**
 * The sign-in of officials and agency staff. The access token lives in this module only (never in
 * storage); the refresh token is an httpOnly cookie the browser sends to /api/auth, so a reload
 * restores the session by one refresh. A non-secret hint in localStorage says whether a cookie may
 * exist, so anonymous visitors on a weak connection make no refresh call at all.
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; reason?: 'signedOut' | 'expired' }
  | { status: 'signedIn'; me: Me };

const HINT_KEY = 'session';
const WEB_CLIENT = { 'X-Registry-Client': 'web' } as const;
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_SECONDS = 60;
const RETRY_AFTER_NETWORK_FAILURE_MS = 30_000;

let accessToken: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;
let state: SessionState = hasHint() ? { status: 'restoring' } : { status: 'signedOut' };
const listeners = new Set<() => void>();

setTokenSource({ token: () => accessToken, refresh: () => refreshNow() });

export function getAccessToken(): string | undefined {
  return accessToken;
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setState(next: SessionState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export async function signIn(username: string, password: string): Promise<Me> {
  const tokens = data(await api.POST('/api/auth/login', { headers: WEB_CLIENT, body: { username, password, session: 'cookie' } }));
  return startSession(tokens.accessToken, tokens.expiresIn);
}

/** After a reload: one refresh through the cookie, then who am I. */
export async function restoreSession(): Promise<void> {
  if (state.status !== 'restoring') return;
  if (!(await refreshNow())) return;
}

export async function signOut(): Promise<void> {
  clearTimeout(refreshTimer);
  try {
    await api.POST('/api/auth/logout', { headers: WEB_CLIENT, body: {} });
  } catch {
    // Already ended or offline: the cookie is cleared by the server when it answers; locally we forget all.
  } finally {
    endSession('signedOut');
  }
}

async function startSession(token: string, expiresIn: number): Promise<Me> {
  accessToken = token;
  setHint(true);
  schedule(expiresIn);
  const me = data(await api.GET('/api/me'));
  setState({ status: 'signedIn', me });
  return me;
}

/** One refresh at a time in this tab, and one across tabs (the cookie rotates on every use). */
export function refreshNow(): Promise<boolean> {
  refreshing ??= withCrossTabLock(refreshOnce).finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

async function refreshOnce(): Promise<boolean> {
  try {
    const tokens = data(await api.POST('/api/auth/refresh', { headers: WEB_CLIENT, body: {} }));
    if (state.status === 'signedIn') {
      accessToken = tokens.accessToken;
      schedule(tokens.expiresIn);
    } else {
      await startSession(tokens.accessToken, tokens.expiresIn);
    }
    return true;
  } catch (error) {
    if (error instanceof ApiProblem && (error.isNetwork || error.status === 429 || error.status >= 500)) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refreshNow(), RETRY_AFTER_NETWORK_FAILURE_MS);
      if (state.status === 'restoring') setState({ status: 'signedOut' });
      return false;
    }
    endSession(state.status === 'signedIn' ? 'expired' : undefined);
    return false;
  }
}

function endSession(reason: 'signedOut' | 'expired' | undefined) {
  clearTimeout(refreshTimer);
  accessToken = undefined;
  setHint(false);
  setState({ status: 'signedOut', reason });
}

function schedule(expiresIn: number) {
  clearTimeout(refreshTimer);
  const seconds = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, Math.min(10, expiresIn / 2));
  refreshTimer = setTimeout(() => void refreshNow(), seconds * 1000);
}

async function withCrossTabLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('registry-refresh', work) : work();
}

function hasHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function setHint(on: boolean) {
  try {
    if (on) window.localStorage.setItem(HINT_KEY, '1');
    else window.localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage a reload asks to sign in again.
  }
}
