import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDetails } from '@app/core';
import { Role } from './roles';

export const ACCESS_POLICY = 'access:policy';

export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * The roles that may call a route. Every route declares a policy, @Allow or @Public: the
 * AccessGuard refuses routes without one and the app refuses to start with one missing.
 * Which records a role may touch is decided in SQL by the service (see scope.ts).
 */
export function Allow(...roles: Role[]) {
  const policy: AccessPolicy = { kind: 'roles', roles };
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiBearerAuth(),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'Not signed in, or the token is invalid or expired', type: ProblemDetails }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}`, type: ProblemDetails }),
  );
}

/** A route anyone may call, signed in or not. */
export function Public() {
  const policy: AccessPolicy = { kind: 'public' };
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiSecurity({}),
    ApiExtension('x-roles', ['public']),
    ApiTooManyRequestsResponse({ description: 'Rate limit exceeded', type: ProblemDetails }),
  );
}
