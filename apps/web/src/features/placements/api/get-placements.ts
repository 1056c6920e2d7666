import { useInfiniteQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { placementsKey, type Placement } from './types';

export interface PlacementFilter {
  destinationCountry?: string;
  status?: Placement['status'];
}

/** The agency's own placements, or those in an official's jurisdiction, a keyset page at a time. */
export function usePlacements(filter: PlacementFilter) {
  return useInfiniteQuery({
    queryKey: [...placementsKey, 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/placements', { params: { query: { limit: 50, ...filter, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
