import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';

export type Placement = components['schemas']['PlacementRecordView'];
export type PlacementRequest = components['schemas']['CreatePlacementRequest'];
export type PlacementReference = components['schemas']['PlacementReferenceView'];
export type PlacementSummary = components['schemas']['PlacementSummaryView'];
export type PublicPlacement = components['schemas']['PublicPlacementView'];
export type SummaryGroup = PlacementSummary['groupBy'];

export interface PlacementFilter {
  destinationCountry?: string;
  status?: Placement['status'];
}

/** The agency's own placements, or those in an official's jurisdiction, a keyset page at a time. */
export function usePlacements(filter: PlacementFilter) {
  return useInfiniteQuery({
    queryKey: ['placements', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/placements', { params: { query: { limit: 50, ...filter, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The clauses, destinations and training rules the form checks as it is filled. */
export function usePlacementReference() {
  return useQuery({
    queryKey: ['placements', 'reference'],
    queryFn: async ({ signal }) => data(await api.GET('/api/placements/reference', { signal })),
    staleTime: 10 * 60_000,
  });
}

export function useFilePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlacementRequest) => data(await api.POST('/api/placements', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placements', 'list'] }),
  });
}

export function usePlacementSummary(groupBy: SummaryGroup) {
  return useQuery({
    queryKey: ['placements', 'summary', groupBy],
    queryFn: async ({ signal }) => data(await api.GET('/api/placements/summary', { params: { query: { groupBy } }, signal })),
  });
}

/** The worker's check: runs only once she has asked (code and ID suffix given). */
export function usePlacementCheck(request: { code: string; idLast4: string } | undefined) {
  return useQuery({
    queryKey: ['placements', 'check', request],
    enabled: !!request,
    retry: false,
    queryFn: async ({ signal }) =>
      data(await api.GET('/api/public/placements/{checkCode}', { params: { path: { checkCode: request!.code }, query: { idLast4: request!.idLast4 } }, signal })),
  });
}
