import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, networkProblem } from '@/lib/api/problem';
import { getInspection } from './api/get-inspection';
import { saveFindings } from './api/save-findings';
import { inspectionDetail } from './inspection.fixture';
import type { Detail, FindingValue } from './pending-findings';
import { useFindingsSync } from './use-findings-sync';

vi.mock('./api/save-findings', () => ({ saveFindings: vi.fn() }));
vi.mock('./api/get-inspection', async (original) => ({ ...(await original<typeof import('./api/get-inspection')>()), getInspection: vi.fn() }));
vi.mock('@/lib/auth/session', () => ({ refreshNow: vi.fn(() => Promise.resolve(false)) }));

const save = vi.mocked(saveFindings);
const read = vi.mocked(getInspection);
const stale = () => new ApiProblem(409, 'https://registry.example/problems/stale-version', 'Stale', undefined, [], undefined);
const refused = () => new ApiProblem(400, 'https://registry.example/problems/validation', 'Bad', undefined, [{ field: 'findings', message: 'no' }], undefined);
const value = (result: FindingValue['result'], note = ''): FindingValue => ({ result, note, evidence: '' });

/** What the server answers to a PUT: the findings as sent, one version on. */
function saved(detail: Detail, body: Parameters<typeof saveFindings>[1]): Detail {
  return { ...detail, version: body.version + 1, findings: body.findings.map((f) => ({ ...detail.findings.find((d) => d.itemCode === f.itemCode)!, result: f.result, note: f.note ?? null, evidence: f.evidence ?? [] })) };
}

let online = true;
function start(initial = inspectionDetail()) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { ...renderHook(() => useFindingsSync(initial), { wrapper }), queryClient };
}
const pause = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('useFindingsSync (the inspector\'s findings queue)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.localStorage.clear();
    online = true;
    vi.spyOn(window.navigator, 'onLine', 'get').mockImplementation(() => online);
    save.mockReset();
    read.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps an edit in the browser at once and sends it after the typing pause', async () => {
    const initial = inspectionDetail();
    save.mockImplementation((_id, body) => Promise.resolve(saved(initial, body)));
    const { result, queryClient } = start(initial);
    act(() => result.current.edit('A1', value('non_compliant', 'no sign')));
    expect(JSON.parse(window.localStorage.getItem('inspection-findings:insp-1') ?? '{}')).toHaveProperty('A1');
    expect(save).not.toHaveBeenCalled();
    await pause(700);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![1]).toMatchObject({ version: 1, findings: [{ itemCode: 'A1', result: 'non_compliant', note: 'no sign' }, { itemCode: 'A2', result: 'not_checked' }] });
    expect(result.current.status).toBe('saved');
    expect(result.current.pending).toEqual({});
    expect(result.current.detail.version).toBe(2);
    expect(queryClient.getQueryData(['inspection', 'insp-1'])).toMatchObject({ version: 2 });
    expect(window.localStorage.getItem('inspection-findings:insp-1')).toBeNull();
  });

  it('drops an edit that returns to the saved value without sending anything', async () => {
    const { result } = start();
    act(() => result.current.edit('A1', value('compliant')));
    act(() => result.current.edit('A1', value('not_checked')));
    await pause(1_000);
    expect(save).not.toHaveBeenCalled();
    expect(result.current.pending).toEqual({});
  });

  it('waits offline and sends when the connection returns', async () => {
    const initial = inspectionDetail();
    save.mockImplementation((_id, body) => Promise.resolve(saved(initial, body)));
    online = false;
    const { result } = start(initial);
    act(() => result.current.edit('A1', value('compliant')));
    expect(result.current.status).toBe('offline');
    await pause(6_000);
    expect(save).not.toHaveBeenCalled();
    online = true;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('saved');
  });

  it('after a network failure keeps the change and tries again every few seconds', async () => {
    const initial = inspectionDetail();
    save.mockRejectedValueOnce(networkProblem()).mockImplementation((_id, body) => Promise.resolve(saved(initial, body)));
    const { result } = start(initial);
    act(() => result.current.edit('A1', value('compliant')));
    await pause(700);
    expect(result.current.status).toBe('offline');
    expect(result.current.pending).toHaveProperty('A1');
    await pause(5_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('saved');
  });

  it('on a stale version re-reads, keeps a change to an item nobody else touched, and sends it on the new version', async () => {
    const initial = inspectionDetail();
    const theirs = inspectionDetail({ version: 5 }, [{}, { result: 'compliant', note: 'by a colleague' }]);
    read.mockResolvedValue(theirs);
    save.mockRejectedValueOnce(stale()).mockImplementation((_id, body) => Promise.resolve(saved(theirs, body)));
    const { result } = start(initial);
    act(() => result.current.edit('A1', value('non_compliant')));
    await pause(700);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![1]).toMatchObject({ version: 5, findings: [{ itemCode: 'A1', result: 'non_compliant' }, { itemCode: 'A2', result: 'compliant', note: 'by a colleague' }] });
    expect(result.current.status).toBe('saved');
    expect(result.current.conflicts).toEqual([]);
  });

  it('on a stale version where both changed the same item, stops for the person; "mine" then sends over theirs knowingly', async () => {
    const theirs = inspectionDetail({ version: 5 }, [{ result: 'compliant', note: 'theirs' }, {}]);
    read.mockResolvedValue(theirs);
    save.mockRejectedValueOnce(stale()).mockImplementation((_id, body) => Promise.resolve(saved(theirs, body)));
    const { result } = start();
    act(() => result.current.edit('A1', value('non_compliant', 'mine')));
    await pause(700);
    expect(result.current.status).toBe('conflict');
    expect(result.current.conflicts).toEqual(['A1']);
    expect(result.current.detail.version).toBe(5);
    await pause(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    act(() => result.current.resolve({ A1: 'mine' }));
    await pause(700);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![1]).toMatchObject({ version: 5, findings: [{ itemCode: 'A1', result: 'non_compliant', note: 'mine' }, { itemCode: 'A2' }] });
    expect(result.current.status).toBe('saved');
  });

  it('choosing "theirs" drops my change and sends nothing', async () => {
    const theirs = inspectionDetail({ version: 5 }, [{ result: 'compliant', note: 'theirs' }, {}]);
    read.mockResolvedValue(theirs);
    save.mockRejectedValueOnce(stale());
    const { result } = start();
    act(() => result.current.edit('A1', value('non_compliant', 'mine')));
    await pause(700);
    act(() => result.current.resolve({ A1: 'theirs' }));
    await pause(6_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('saved');
    expect(result.current.pending).toEqual({});
  });

  it('a refusal (400) fails with its problem and is not retried on its own', async () => {
    save.mockRejectedValue(refused());
    const { result } = start();
    act(() => result.current.edit('A1', value('compliant')));
    await pause(700);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(ApiProblem);
    await pause(15_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toHaveProperty('A1');
  });

  it('checks changes kept from an earlier visit against the server: a clash is a conflict at once', () => {
    window.localStorage.setItem('inspection-findings:insp-1', JSON.stringify({ A1: { value: value('non_compliant', 'mine'), base: value('not_checked') } }));
    const { result } = start(inspectionDetail({}, [{ result: 'compliant', note: 'theirs' }, {}]));
    expect(result.current.status).toBe('conflict');
    expect(result.current.conflicts).toEqual(['A1']);
  });
});
