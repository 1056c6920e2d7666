import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The ten agencies with the highest live risk. */
export const useRiskiest = () =>
  useQuery({
    queryKey: ['inspection-priorities', 10],
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/priorities', { params: { query: { limit: 10 } }, signal })).items,
  });
