import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/core';

const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Tracking codes and the secrets that go with them. The database keeps only a salt and the
 * SHA-256 of the secret; the secret is derived from the salt with a server key, so a repeated
 * submission (retry after a lost answer) can be answered with the same secret without storing it.
 */
@Injectable()
export class ComplaintSecrets {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.get('JWT_SECRET') as string).update('complaint-secrets').digest();
  }

  newTrackingCode(): string {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('');
    return `CP-${chars.slice(0, 5)}-${chars.slice(5)}`;
  }

  newSalt(): string {
    return randomBytes(16).toString('base64url');
  }

  secretFor(salt: string): string {
    return createHmac('sha256', this.key).update(salt).digest('base64url').slice(0, 32);
  }

  /** A 6-digit PIN derived like the secret, so a retried submission gets the same one. */
  pinFor(salt: string): string {
    const n = createHmac('sha256', this.key).update(`pin:${salt}`).digest().readUInt32BE(0) % 1_000_000;
    return String(n).padStart(6, '0');
  }

  /**
   * Keyed, because a million PINs are no work to hash through: without the server key a copy of
   * the database does not give the PINs away. The tracking code is in it so equal PINs differ.
   */
  pinHash(trackingCode: string, pin: string): string {
    return createHmac('sha256', this.key).update(`pin-hash:${trackingCode}:${pin}`).digest('hex');
  }

  pinMatches(trackingCode: string, pin: string, storedHash: string | null): boolean {
    if (!storedHash || !/^\d{6}$/.test(pin)) return false;
    const given = Buffer.from(this.pinHash(trackingCode, pin), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  matches(secret: string, storedHash: string): boolean {
    const given = Buffer.from(this.hash(secret), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}

/**
 * A stable hash of a submission: the same body, or the same Idempotency-Key, from the same
 * address is the same complaint. The address is part of it so that nobody else's key or text
 * can fetch someone's receipt (and secret).
 */
export function submissionHash(body: object, clientAddress: string, idempotencyKey?: string): string {
  const material = idempotencyKey ? `key:${clientAddress}:${idempotencyKey}` : `body:${clientAddress}:${canonicalJson(body)}`;
  return createHash('sha256').update(material).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
