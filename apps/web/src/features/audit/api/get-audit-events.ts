import { api, data } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

type Query = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export const useAuditEvents = (query: Query) =>
  useKeysetList({ queryKey: ['audit', query], fetchPage: async (start, signal) => data(await api.GET('/api/audit', { params: { query: { ...query, ...start } }, signal })) });
