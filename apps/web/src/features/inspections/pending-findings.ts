import type { components } from '@/lib/api/schema';

export type Detail = components['schemas']['InspectionDetailView'];
export type FindingResult = components['schemas']['FindingResult'];

/** One item's finding as the page edits it (evidence as typed, one reference per line). */
export interface FindingValue {
  result: FindingResult;
  note: string;
  evidence: string;
}

/** A change not yet on the server, with the server's value it was made against (to tell a conflict). */
export interface PendingEdit {
  value: FindingValue;
  base: FindingValue;
}

export type Pending = Record<string, PendingEdit>;

/**
 * Unsaved changes live in localStorage, keyed by inspection, so a dropped connection, a closed tab
 * or a flat battery loses nothing. Only the findings are kept: no token, nothing secret.
 */
const key = (inspectionId: string) => `inspection-findings:${inspectionId}`;

export function loadPending(inspectionId: string): Pending {
  try {
    const raw = window.localStorage.getItem(key(inspectionId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Pending) : {};
  } catch {
    return {};
  }
}

export function savePending(inspectionId: string, pending: Pending): void {
  try {
    if (Object.keys(pending).length === 0) window.localStorage.removeItem(key(inspectionId));
    else window.localStorage.setItem(key(inspectionId), JSON.stringify(pending));
  } catch {
    // Storage full or refused: the changes still wait in memory.
  }
}

export function serverValue(finding: Detail['findings'][number]): FindingValue {
  return { result: finding.result ?? 'not_checked', note: finding.note ?? '', evidence: finding.evidence.join('\n') };
}

export const evidenceList = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function sameValue(a: FindingValue, b: FindingValue): boolean {
  return a.result === b.result && a.note.trim() === b.note.trim() && evidenceList(a.evidence).join('\n') === evidenceList(b.evidence).join('\n');
}

/** The whole set the findings route takes: every item once, the pending changes over the server's values. */
export function findingsBody(detail: Detail, pending: Pending) {
  return detail.findings.map((finding) => {
    const value = pending[finding.itemCode]?.value ?? serverValue(finding);
    const note = value.note.trim();
    return { itemCode: finding.itemCode, result: value.result, ...(note ? { note } : {}), evidence: evidenceList(value.evidence) };
  });
}

/**
 * Lines the pending changes up with what the server holds now. A change the server already has is
 * dropped; one whose item nobody else touched (the server still has its base) stays, rebased; one
 * whose item someone else changed differently is a conflict for the person to settle.
 */
export function reconcile(detail: Detail, pending: Pending): { pending: Pending; conflicts: string[] } {
  const byCode = new Map(detail.findings.map((f) => [f.itemCode, serverValue(f)]));
  const next: Pending = {};
  const conflicts: string[] = [];
  for (const [code, edit] of Object.entries(pending)) {
    const theirs = byCode.get(code);
    if (!theirs || sameValue(theirs, edit.value)) continue;
    if (sameValue(theirs, edit.base)) next[code] = edit;
    else {
      next[code] = edit;
      conflicts.push(code);
    }
  }
  return { pending: next, conflicts };
}
