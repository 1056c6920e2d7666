import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useKeysetList, type KeysetPage, type PageStart } from './use-keyset-list';

type Page = KeysetPage<number>;
/** Items 1..total, `size` a page, the cursor being the last item's number (as the API's keyset cursor would be). */
function pages(total: number, size: number) {
  return vi.fn((start: PageStart): Promise<Page> => {
    const after = 'cursor' in start ? Number(start.cursor) : 0;
    const items = Array.from({ length: Math.min(size, total - after) }, (_, i) => after + i + 1);
    const last = items.at(-1) ?? after;
    return Promise.resolve({ items, nextCursor: last < total ? String(last) : null });
  });
}

function start(fetchPage: ReturnType<typeof pages>, enabled?: boolean) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(() => useKeysetList({ queryKey: ['numbers'], fetchPage, enabled }), { wrapper });
}

describe('useKeysetList (lists the API pages by cursor)', () => {
  it('reads the first page without a cursor, then each next one from the cursor the last page gave', async () => {
    const fetchPage = pages(5, 2);
    const { result } = start(fetchPage);
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
    expect(fetchPage.mock.calls[0]![0]).toEqual({});
    expect(result.current.hasNextPage).toBe(true);
    // Each next page once the one before has rendered (a busy machine may render late).
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4]));
    expect(fetchPage.mock.calls[1]![0]).toEqual({ cursor: '2' });
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4, 5]));
    expect(fetchPage.mock.calls[2]![0]).toEqual({ cursor: '4' });
    expect(result.current.hasNextPage).toBe(false);
  });

  it('has no next page when the first page carries no cursor', async () => {
    const { result } = start(pages(1, 10));
    await waitFor(() => expect(result.current.items).toEqual([1]));
    expect(result.current.hasNextPage).toBe(false);
  });

  it('reads nothing while disabled and shows no items', () => {
    const fetchPage = pages(3, 2);
    const { result } = start(fetchPage, false);
    expect(fetchPage).not.toHaveBeenCalled();
    expect(result.current.items).toEqual([]);
  });

  it('passes a failed page on as the list\'s error', async () => {
    const fetchPage = vi.fn(() => Promise.reject(new Error('down')));
    const { result } = start(fetchPage as unknown as ReturnType<typeof pages>);
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.items).toEqual([]);
  });
});
