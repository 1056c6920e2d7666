import { api, data } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import type { Language } from '@/lib/i18n/language';
import { useKeysetList } from '@/hooks/use-keyset-list';

type Query = NonNullable<paths['/api/complaints']['get']['parameters']['query']>;

export const useComplaints = (query: Query, language: Language) =>
  useKeysetList({
    queryKey: ['complaints', query, language],
    fetchPage: async (start, signal) => data(await api.GET('/api/complaints', { params: { query: { ...query, ...start } }, signal })),
  });
