import { LicenceStatus } from '@app/agencies';
import { LicenceEventKind } from './licence.entity';

/** The licence lifecycle: which action leads from which statuses to which. */
export const LICENCE_TRANSITIONS: Record<'suspend' | 'reinstate' | 'revoke' | 'surrender' | 'expire' | 'restore' | 'resuspend', { from: LicenceStatus[]; to: LicenceStatus; event: LicenceEventKind }> = {
  suspend: { from: ['active'], to: 'suspended', event: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active', event: 'reinstated' },
  // An appeal that annuls a suspension or a revocation gives the licence back (enforcement cases only, never a route of its own).
  restore: { from: ['suspended', 'revoked'], to: 'active', event: 'reinstated' },
  // An appeal that varies a sanction to a suspension (shorter, or in place of a revocation) sets its new end (enforcement cases only).
  resuspend: { from: ['suspended', 'revoked'], to: 'suspended', event: 'suspended' },
  revoke: { from: ['active', 'suspended'], to: 'revoked', event: 'revoked' },
  surrender: { from: ['active', 'suspended'], to: 'surrendered', event: 'surrendered' },
  expire: { from: ['active'], to: 'expired', event: 'expired' },
};
export type LicenceAction = keyof typeof LICENCE_TRANSITIONS;

/** A renewal may be filed from this many days before expiry until the day of expiry. */
export const RENEWAL_WINDOW_DAYS = 90;

/** `<bureau code>-<year>-<6-digit sequence>`; the ministry's code is 000000. */
export function formatLicenceNumber(bureauCode: string | null, year: number, sequence: number): string {
  return `${bureauCode ?? '000000'}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const LICENCE_NUMBER_PATTERN = /^\d{6}-\d{4}-\d{6}$/;

/**
 * A licence number or USCC as people type them: full-width digits and letters, spaces, lower
 * case, other dashes, or the 16 digits of a licence number without dashes.
 */
export function normaliseLicenceKey(typed: string): string {
  const compact = typed.normalize('NFKC').toUpperCase().replace(/[\s\u00a0\u3000]/g, '').replace(/[‐‑‒–—―−_]/g, '-');
  const digits = /^(\d{6})-?(\d{4})-?(\d{6})$/.exec(compact);
  return digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : compact;
}

/** Adds whole years to a YYYY-MM-DD date (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
