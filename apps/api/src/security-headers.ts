import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, worked out once at start: they do not depend on
 * the request (no CSP nonces), so each response only copies them instead of running helmet.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The web app's policy: its scripts only from this origin, never inline or eval'd. Ant Design
 * writes its CSS-in-JS into <style> elements, so styles may be inline.
 */
const APP_CSP = {
  defaultSrc: [`'self'`],
  scriptSrc: [`'self'`],
  scriptSrcAttr: [`'none'`],
  styleSrc: [`'self'`, `'unsafe-inline'`],
  imgSrc: [`'self'`, 'data:'],
  fontSrc: [`'self'`, 'data:'],
  connectSrc: [`'self'`],
  objectSrc: [`'none'`],
  baseUri: [`'self'`],
  formAction: [`'self'`],
  frameAncestors: [`'none'`],
};

/** Every answer's security headers, with the web app's strict policy. */
export const APP_SECURITY_HEADERS = securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: APP_CSP } });

/** Swagger UI's page runs an inline initialiser and loads its validator badge. */
export const DOCS_CONTENT_SECURITY_POLICY = securityHeaders({
  contentSecurityPolicy: { useDefaults: false, directives: { ...APP_CSP, scriptSrc: [`'self'`, `'unsafe-inline'`], imgSrc: [`'self'`, 'data:', 'validator.swagger.io'] } },
})['content-security-policy'];
