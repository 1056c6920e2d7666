import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting, as the audit trail records it. */
export interface ActingParty {
  userId: string | null;
  username: string;
  role: string;
}

export interface RequestContextData {
  requestId: string;
  actor?: ActingParty;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * The request (or job run) on whose behalf code runs. Set once per request by
 * runHandlersInRequestContext and per job run by the scheduler, read by the audit trail.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
