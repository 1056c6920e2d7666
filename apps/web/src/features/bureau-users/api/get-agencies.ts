import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** Agencies matching what is typed, for an agency account (read only while one is being created). */
export const useAgencyChoices = (search: string, enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: ['agencies', 'pick', search],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies', { params: { query: { limit: 20, ...(search ? { name: search } : {}) } }, signal })).items,
  });
