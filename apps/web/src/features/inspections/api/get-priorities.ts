import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

export const usePriorities = () =>
  useQuery({
    queryKey: ['inspection-priorities'],
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/priorities', { params: { query: { limit: 100 } }, signal })).items,
  });
