import { registerDecorator, ValidationOptions } from 'class-validator';

/** The 31 characters of a unified social credit code (GB 32100-2015): digits and letters but I, O, S, V, Z. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Two-digit codes of the 31 provincial-level divisions (GB/T 2260). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

/** Why a code is not a valid USCC, or null when it is. */
export function usccProblem(code: unknown): string | null {
  if (typeof code !== 'string' || code.length !== 18) return 'must be 18 characters';
  for (const c of code) {
    if (!USCC_ALPHABET.includes(c)) return `contains "${c}", which is not in the USCC alphabet (digits and capitals but I, O, S, V, Z)`;
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) {
    return `characters 3-8 (${division}) are not a known administrative division code`;
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `check character is ${code[17]}, expected ${expected}`;
  return null;
}

/** Completes 17 characters into a valid code (demo data, tests). */
export function withUsccCheck(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => usccProblem(value) === null,
        defaultMessage: (args) => `${args?.property} is not a valid unified social credit code: ${usccProblem(args?.value)}`,
      },
    });
}
