import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** Agencies in the official's jurisdiction whose name holds `query` (two characters at least). */
export const useAgencySearchResults = (query: string) =>
  useQuery({
    queryKey: ['trends', 'agency-search', query],
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies', { params: { query: { name: query, limit: 10 } }, signal })).items,
    staleTime: 60_000,
  });
