import fc from 'fast-check';
import { FieldCrypto, parseDataKey } from './field-crypto';
import { isValidResidentId, maskPhone, maskResidentId, residentIdCheckCharacter } from './resident-id';

/** A valid ID from a division, birth date and sequence. */
const residentId = fc
  .tuple(fc.integer({ min: 110000, max: 659999 }), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 999 }))
  .map(([division, day, seq]) => {
    const birth = new Date(Date.UTC(1960, 0, 1) + day * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const first17 = `${division}${birth}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  });

describe('GB 11643 resident ID numbers', () => {
  it('knows published examples', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194902300023')).toBe(false); // 30 February
  });

  it('refuses every single-character change of the check character', () => {
    fc.assert(fc.property(residentId, fc.constantFrom(...'0123456789X'), (id, other) => {
      expect(isValidResidentId(id)).toBe(true);
      if (other !== id[17]) expect(isValidResidentId(id.slice(0, 17) + other)).toBe(false);
    }));
  });

  it('masks to the division and the last four, nothing else', () => {
    expect(maskResidentId('350102199001011234')).toBe('350102********1234');
    fc.assert(fc.property(residentId, (id) => {
      const masked = maskResidentId(id);
      expect(masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(masked.slice(6, 14)).not.toContain(id.slice(6, 14));
    }));
    expect(maskPhone('+86 138-0013-8000')).toBe('861******8000');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});

describe('FieldCrypto', () => {
  const key = parseDataKey('7e'.repeat(32));

  it('round-trips, never shows the plaintext and never repeats a ciphertext', () => {
    const crypto = new FieldCrypto(key);
    fc.assert(fc.property(residentId, (id) => {
      const a = crypto.encrypt(id);
      expect(a).not.toContain(id);
      expect(crypto.decrypt(a)).toBe(id);
      expect(crypto.encrypt(id)).not.toBe(a);
      expect(crypto.lookupHash(id)).toBe(new FieldCrypto(key).lookupHash(id));
    }), { numRuns: 50 });
  });

  it('refuses another key and an altered ciphertext', () => {
    const ciphertext = new FieldCrypto(key).encrypt('350102199001011234');
    expect(() => new FieldCrypto(parseDataKey('00'.repeat(32))).decrypt(ciphertext)).toThrow();
    const altered = ciphertext.slice(0, -2) + (ciphertext.endsWith('A') ? 'BB' : 'AA');
    expect(() => new FieldCrypto(key).decrypt(altered)).toThrow();
    expect(new FieldCrypto(parseDataKey('00'.repeat(32))).lookupHash('x')).not.toBe(new FieldCrypto(key).lookupHash('x'));
  });

  it('reads the key as hex or base64 of 32 bytes only', () => {
    expect(parseDataKey(Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
    expect(() => parseDataKey('short')).toThrow(/32 bytes/);
  });
});
