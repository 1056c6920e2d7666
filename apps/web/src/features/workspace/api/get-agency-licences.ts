import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

export const useAgencyLicences = (agencyId: string) =>
  useQuery({
    queryKey: ['licences', 'of', agencyId],
    queryFn: async ({ signal }) => data(await api.GET('/api/licences', { params: { query: { agencyId, limit: 100 } }, signal })).items,
  });
