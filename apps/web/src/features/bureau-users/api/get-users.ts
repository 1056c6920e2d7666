import { api, data } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

type Filters = Omit<NonNullable<paths['/api/users']['get']['parameters']['query']>, 'limit' | 'cursor'>;

export const bureauUsersKey = (filters?: Partial<Record<string, string>>) => (filters ? (['bureau', 'users', filters] as const) : (['bureau', 'users'] as const));

/** The users in my bureau's reach; `key` is the URL's filters as read, `query` the same typed for the API. */
export const useBureauUsers = (key: Partial<Record<string, string>>, query: Filters) =>
  useKeysetList({ queryKey: bureauUsersKey(key), fetchPage: async (start, signal) => data(await api.GET('/api/users', { params: { query: { limit: 50, ...query, ...start } }, signal })) });
