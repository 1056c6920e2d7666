import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { placementsKey, type SummaryGroup } from './types';

export function usePlacementSummary(groupBy: SummaryGroup) {
  return useQuery({
    queryKey: [...placementsKey, 'summary', groupBy],
    queryFn: async ({ signal }) => data(await api.GET('/api/placements/summary', { params: { query: { groupBy } }, signal })),
  });
}
