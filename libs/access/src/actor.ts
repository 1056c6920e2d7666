import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from './roles';

/**
 * The signed-in caller as every service sees it. `jurisdictionPrefix` is what scoping compares
 * division codes against: '' for national reach (ministry, system admin), '35' for the Fujian
 * province bureau, '3501' for the Fuzhou city bureau, null for an agency user (who is scoped to
 * `agencyId` instead).
 */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  bureauId: string | null;
  agencyId: string | null;
  jurisdictionPrefix: string | null;
  /** The sign-in (refresh-token family) a request's access token was issued in; none for the system's own actors. */
  sessionId?: string;
}

/** The prefix a bureau's division code gives: province 2 digits, city 4, ministry none. */
export function jurisdictionPrefixOf(level: 'ministry' | 'province' | 'city', code: string | null): string {
  if (level === 'ministry' || !code) return '';
  return level === 'province' ? code.slice(0, 2) : code.slice(0, 4);
}

/** Whether a division code lies in the actor's jurisdiction. */
export function coversJurisdiction(actor: Actor, code: string | null | undefined): boolean {
  if (actor.jurisdictionPrefix === null) return false;
  return actor.jurisdictionPrefix === '' || (!!code && code.startsWith(actor.jurisdictionPrefix));
}

/** Injects the signed-in Actor into a handler parameter. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ user?: Actor }>();
  if (!request.user) throw new Error('CurrentActor used on a route without a signed-in user');
  return request.user;
});
