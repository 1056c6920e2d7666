import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { placementsKey } from './types';

/** The clauses, destinations and training rules the form checks as it is filled. */
export function usePlacementReference() {
  return useQuery({
    queryKey: [...placementsKey, 'reference'],
    queryFn: async ({ signal }) => data(await api.GET('/api/placements/reference', { signal })),
    staleTime: 10 * 60_000,
  });
}
