import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The 32-byte key of DATA_ENCRYPTION_KEY: 64 hex digits or base64 (standard or url-safe) of 32 bytes. */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/**
 * AES-256-GCM for personal data at rest, and a keyed hash (HMAC-SHA256) to find a record by it
 * without decrypting every row. Both keys are derived from DATA_ENCRYPTION_KEY with HKDF, so the
 * hash cannot be used to check guesses by anyone without the key. A ciphertext reads
 * `v1.<base64url of iv | tag | data>`; the version leaves room for a key rotation.
 */
export class FieldCrypto {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'registry field encryption', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'registry lookup hash', 32));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
  }

  /** Throws when the text was not encrypted with this key or was altered. */
  decrypt(ciphertext: string): string {
    const [version, body] = ciphertext.split('.');
    if (version !== VERSION || !body) throw new Error('Not a ciphertext of this registry');
    const raw = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The keyed hash of a value (hex), equal for equal values. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }
}
