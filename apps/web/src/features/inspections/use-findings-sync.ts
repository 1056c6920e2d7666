import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isProblem } from '@/lib/api/problem';
import { refreshNow } from '@/lib/auth/session';
import { getInspection, inspectionKey } from './api/get-inspection';
import { saveFindings } from './api/save-findings';
import { type Detail, type FindingValue, type Pending, findingsBody, loadPending, reconcile, sameValue, savePending, serverValue } from './pending-findings';

export type SyncStatus = 'saved' | 'saving' | 'offline' | 'failed' | 'conflict';

/** Changes are sent this long after the last keystroke (a click on a result goes at once). */
const TYPING_PAUSE_MS = 700;
/** While changes wait and the browser says it is online, try again this often. */
const RETRY_MS = 5_000;

/**
 * Every change saved as it is made, through PUT /inspections/:id/findings with the version read.
 * Unsent changes stay in localStorage and go when the connection returns; when someone else has
 * saved meanwhile (409 stale-version) the server's findings are read again, changes to items nobody
 * else touched go on, and items both changed wait for the person to choose: never overwritten.
 */
export function useFindingsSync(initial: Detail) {
  const id = initial.id;
  const queryClient = useQueryClient();
  const [detail, setDetailState] = useState(initial);
  const [pending, setPendingState] = useState<Pending>(() => loadPending(id));
  const [conflicts, setConflictsState] = useState<string[]>([]);
  const [status, setStatusState] = useState<SyncStatus>('saved');
  const statusRef = useRef<SyncStatus>('saved');
  const setStatus = useCallback((next: SyncStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);
  const [error, setError] = useState<unknown>();
  const detailRef = useRef(detail);
  const pendingRef = useRef(pending);
  const conflictsRef = useRef(conflicts);
  const saving = useRef(false);

  const setDetail = useCallback(
    (next: Detail) => {
      detailRef.current = next;
      setDetailState(next);
      queryClient.setQueryData(inspectionKey(id), next);
    },
    [id, queryClient],
  );
  const setPending = useCallback(
    (next: Pending) => {
      pendingRef.current = next;
      savePending(id, next);
      setPendingState(next);
    },
    [id],
  );
  const setConflicts = (next: string[]) => {
    conflictsRef.current = next;
    setConflictsState(next);
  };

  /** One PUT of the whole set; says whether to go on (more changes, or a rebase after someone else's save). */
  const saveOnce = useCallback(async (): Promise<'again' | 'stop'> => {
    const sent = pendingRef.current;
    const read = detailRef.current;
    try {
      const updated = await saveFindings(id, { version: read.version, findings: findingsBody(read, sent) });
      setDetail(updated);
      // What was sent is saved; what changed again meanwhile waits, now based on what was saved.
      const next: Pending = {};
      for (const [code, edit] of Object.entries(pendingRef.current)) {
        if (sent[code] && sameValue(sent[code].value, edit.value)) continue;
        const finding = updated.findings.find((f) => f.itemCode === code);
        next[code] = { value: edit.value, base: finding ? serverValue(finding) : edit.base };
      }
      setPending(next);
      setError(undefined);
      return 'again';
    } catch (problem) {
      if (isProblem(problem) && problem.isNetwork) {
        setStatus('offline');
        return 'stop';
      }
      if (isProblem(problem, 401) && (await refreshNow())) return 'again';
      if (isProblem(problem, 409) && problem.slug === 'stale-version') {
        try {
          const fresh = await getInspection(id);
          setDetail(fresh);
          const { pending: rebased, conflicts: clashing } = reconcile(fresh, pendingRef.current);
          setPending(rebased);
          if (clashing.length === 0) return 'again';
          setConflicts(clashing);
          setStatus('conflict');
        } catch (reading) {
          setError(reading);
          setStatus(isProblem(reading) && reading.isNetwork ? 'offline' : 'failed');
        }
        return 'stop';
      }
      setError(problem);
      setStatus('failed');
      return 'stop';
    }
  }, [id, setDetail, setPending, setStatus]);

  /** Sends what waits, one save at a time, until nothing waits, the connection is gone, or a conflict needs the person. */
  const flush = useCallback(async (): Promise<void> => {
    if (saving.current) return;
    saving.current = true;
    try {
      for (;;) {
        if (conflictsRef.current.length > 0) return;
        if (Object.keys(pendingRef.current).length === 0) {
          setStatus('saved');
          return;
        }
        if (!navigator.onLine) {
          setStatus('offline');
          return;
        }
        setStatus('saving');
        if ((await saveOnce()) === 'stop') return;
      }
    } finally {
      saving.current = false;
    }
  }, [saveOnce, setStatus]);

  // Changes kept from an earlier visit are checked against what the server holds now.
  useEffect(() => {
    const { pending: rebased, conflicts: clashing } = reconcile(detailRef.current, pendingRef.current);
    setPending(rebased);
    if (clashing.length > 0) {
      setConflicts(clashing);
      setStatus('conflict');
    }
  }, [setPending, setStatus]);

  useEffect(() => {
    if (Object.keys(pending).length === 0 || conflicts.length > 0) return;
    const timer = setTimeout(() => void flush(), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [pending, conflicts, flush]);

  useEffect(() => {
    const online = () => void flush();
    const offline = () => {
      if (Object.keys(pendingRef.current).length > 0) setStatus('offline');
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const retry = setInterval(() => {
      // Only after a network failure: a refusal (400, 403) waits for the person's next change or Retry.
      if (navigator.onLine && statusRef.current === 'offline' && Object.keys(pendingRef.current).length > 0) void flush();
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(retry);
    };
  }, [flush, setStatus]);

  /** One item changed by the person: kept at once in the browser, sent after a short pause. */
  const edit = useCallback(
    (code: string, value: FindingValue) => {
      const finding = detailRef.current.findings.find((f) => f.itemCode === code);
      if (!finding) return;
      const base = pendingRef.current[code]?.base ?? serverValue(finding);
      const next = { ...pendingRef.current };
      if (sameValue(value, base) && !conflictsRef.current.includes(code)) delete next[code];
      else next[code] = { value, base };
      setPending(next);
      if (!navigator.onLine) setStatus('offline');
    },
    [setPending, setStatus],
  );

  /** The person's choice for each conflicting item: keep theirs (drop mine) or keep mine (over theirs, knowingly). */
  const resolve = useCallback(
    (choices: Record<string, 'mine' | 'theirs'>) => {
      const next = { ...pendingRef.current };
      for (const code of conflictsRef.current) {
        const finding = detailRef.current.findings.find((f) => f.itemCode === code);
        if (choices[code] === 'theirs' || !finding || !next[code]) delete next[code];
        else next[code] = { value: next[code].value, base: serverValue(finding) };
      }
      setConflicts([]);
      setPending(next);
      setStatus(Object.keys(next).length > 0 ? 'saving' : 'saved');
    },
    [setPending, setStatus],
  );

  return { detail, pending, conflicts, status, error, edit, resolve, retry: flush, replaceDetail: setDetail };
}
