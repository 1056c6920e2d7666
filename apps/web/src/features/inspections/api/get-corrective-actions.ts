import { api, data } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

type Filters = NonNullable<paths['/api/corrective-actions']['get']['parameters']['query']>;

export const correctiveActionsKey = (filters?: Filters) => (filters ? (['corrective-actions', filters] as const) : (['corrective-actions'] as const));

export const useCorrectiveActions = (filters: Filters) =>
  useKeysetList({
    queryKey: correctiveActionsKey(filters),
    fetchPage: async (start, signal) => data(await api.GET('/api/corrective-actions', { params: { query: { ...filters, limit: 30, ...start } }, signal })),
  });
