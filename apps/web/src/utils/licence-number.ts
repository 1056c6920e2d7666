/** Licence numbers and USCCs as people type them; kept apart from the form so pages that only check a number stay light. */
const LICENCE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;
const USCC = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** Tidies what people type (spaces, lower case, full-width digits and dashes) into the number's form. */
export function normaliseNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFF0D]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function looksLikeNumber(value: string): boolean {
  return LICENCE_NUMBER.test(value) || USCC.test(value);
}
