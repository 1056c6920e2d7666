/** The unsent complaint survives a reload (phones drop background tabs); never the contact once sent. */
const KEY = 'complaint-draft';

export function loadDraft<T>(): Partial<T> | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(values: unknown): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // Storage full or off: the draft lasts as long as the page.
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
