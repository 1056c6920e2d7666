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
import type { ApiClientScope } from './client-tokens';

export const ACCESS_POLICY = 'access:policy';

export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] } | { kind: 'client'; scopes: readonly ApiClientScope[] };

/** The OpenAPI security scheme of API clients' tokens (OAuth 2.0 client credentials). */
export const CLIENT_CREDENTIALS_SCHEME = 'clientCredentials';

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

/**
 * A route for registered API clients holding every scope named (a token from POST /auth/token).
 * People are refused with 403 whatever their role; a caller without a token gets 401.
 */
export function AllowClients(...scopes: ApiClientScope[]) {
  const policy: AccessPolicy = { kind: 'client', scopes };
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiSecurity(CLIENT_CREDENTIALS_SCHEME, [...scopes]),
    ApiExtension('x-roles', ['api_client']),
    ApiUnauthorizedResponse({ description: 'No client token, or it is invalid, expired, rotated or its client disabled', type: ProblemDetails }),
    ApiForbiddenResponse({ description: `Only for API clients with scope ${scopes.join(', ')}`, type: ProblemDetails }),
    ApiTooManyRequestsResponse({ description: "The client's rate limit is exceeded", type: ProblemDetails }),
  );
}
