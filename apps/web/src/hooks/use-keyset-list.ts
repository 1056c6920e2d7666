import { useInfiniteQuery, type InfiniteData, type QueryKey, type UseInfiniteQueryResult } from '@tanstack/react-query';

/** One page of a keyset list as the API sends it: its items, and the cursor the next page starts at (none at the end). */
export interface KeysetPage<Item> {
  items: Item[];
  nextCursor?: string | null;
}

/** Where a page starts, to spread into the API's query: nothing for the first page. */
export type PageStart = { cursor: string } | Record<string, never>;

/** A keyset list being read: TanStack Query's infinite query, with the items of the pages read so far. */
export type KeysetList<Page extends KeysetPage<unknown>> = UseInfiniteQueryResult<InfiniteData<Page>> & { items: Page['items'] };

/**
 * A list the API pages by cursor, one page more on each request (see KeysetList for its states and
 * Load more). `fetchPage` reads the page at `start`; the key holds what the list is filtered by.
 */
export function useKeysetList<Page extends KeysetPage<unknown>>({
  queryKey,
  fetchPage,
  enabled,
  staleTime,
}: {
  queryKey: QueryKey;
  fetchPage: (start: PageStart, signal: AbortSignal) => Promise<Page>;
  enabled?: boolean;
  /** How long a read list counts as fresh (milliseconds), for one shown on many pages, such as the inbox. */
  staleTime?: number;
}): KeysetList<Page> {
  const list = useInfiniteQuery({
    queryKey,
    enabled,
    // Only when given: an undefined staleTime would replace the query client's default rather than keep it.
    ...(staleTime === undefined ? {} : { staleTime }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam ? { cursor: pageParam } : {}, signal),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  // Added onto the query's own result rather than spread into a copy: a copy would read every field,
  // and TanStack Query would then re-render on changes the page never looks at.
  const items: Page['items'] = list.data?.pages.flatMap((page) => page.items) ?? [];
  return Object.assign(list, { items });
}

/** The type of a list's items, for its columns. */
export type ItemOf<List extends { items: unknown[] }> = List['items'][number];
