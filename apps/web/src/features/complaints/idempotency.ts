/**
 * One key per complaint being written, kept in this tab's sessionStorage until the API has taken
 * it: a double click or a reload mid-send repeats the key, and the API answers with the first receipt.
 */
const KEY = 'complaint-idempotency-key';

export function idempotencyKey(): string {
  try {
    const existing = window.sessionStorage.getItem(KEY);
    if (existing) return existing;
    const fresh = crypto.randomUUID();
    window.sessionStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    return memoryKey;
  }
}

export function forgetIdempotencyKey(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
  memoryKey = crypto.randomUUID();
}

let memoryKey = crypto.randomUUID();
