import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** One agency, read only when `enabled` (the charts on screen do not carry its name). */
export const useTrendsAgency = (agencyId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['trends', 'agency', agencyId],
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies/{id}', { params: { path: { id: agencyId as string } }, signal })),
    staleTime: 5 * 60_000,
  });
