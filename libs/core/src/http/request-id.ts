import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * A caller-supplied x-request-id is kept when it looks like an id (so a gateway's id follows
 * the request through the logs); anything else gets a fresh UUID.
 */
export function requestIdOf(request: IncomingMessage): string {
  const existing = (request as IncomingMessage & { requestId?: string }).requestId;
  if (existing) return existing;
  const header = request.headers['x-request-id'];
  const id = typeof header === 'string' && ACCEPTABLE_ID.test(header) ? header : randomUUID();
  (request as IncomingMessage & { requestId?: string }).requestId = id;
  return id;
}
