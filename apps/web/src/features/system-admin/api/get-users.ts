import { api, data } from '@/lib/api/client';
import { useKeysetList } from '@/hooks/use-keyset-list';

export const usersKey = (search?: string) => (search === undefined ? (['admin', 'users'] as const) : (['admin', 'users', search] as const));

/** Users by name or username (`search`), fifty a page. */
export const useUsers = (search: string) =>
  useKeysetList({
    queryKey: usersKey(search),
    fetchPage: async (start, signal) => data(await api.GET('/api/users', { params: { query: { limit: 50, ...(search ? { q: search } : {}), ...start } }, signal })),
  });
