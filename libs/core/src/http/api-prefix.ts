/**
 * Every API route is served under /api so that the web app owns every other path; the health
 * probes and /metrics stay at the root, where load balancers and Prometheus look for them.
 */
export const API_PREFIX = 'api';
export const UNPREFIXED_PATHS = ['/health', '/health/ready', '/metrics'] as const;

/** The path a route is served at, given its path in the controllers (`/agencies/:id`). */
export function servedPath(routePath: string): string {
  return (UNPREFIXED_PATHS as readonly string[]).includes(routePath) ? routePath : `/${API_PREFIX}${routePath}`;
}
