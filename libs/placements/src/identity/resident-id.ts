const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The GB 11643-1999 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Whether `id` is a well-formed 18-character resident ID number: 17 digits, a birth date that
 * exists, and the right check character (an `x` counts as `X`).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth || Number(birth.slice(0, 4)) < 1900) return false;
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17].toUpperCase();
}

/** The ID number with its check character upper-cased, as stored and hashed. */
export function normaliseResidentId(id: string): string {
  return id.toUpperCase();
}

/** `350102********1234`: the division and the last four, never more. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(-4)}`;
}

/** `138****5678`: a phone number with its middle hidden. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
