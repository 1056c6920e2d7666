import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A client secret is 256 random bits, so a fast hash is enough to store it (nothing to guess from a
 * dictionary, unlike a password); comparing the hashes in constant time keeps timing quiet.
 */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = `ars_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashOf(secret) };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashOf(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
