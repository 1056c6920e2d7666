import { api, data } from '@/lib/api/client';
import { useKeysetList } from '@/hooks/use-keyset-list';

/** Everything of the signed-in reader's (the inbox, its unread count) sits under ['me']. */
export const meKey = ['me'] as const;

export const useNotificationList = (limit: number) =>
  useKeysetList({
    queryKey: [...meKey, 'notifications', limit],
    fetchPage: async (start, signal) => data(await api.GET('/api/me/notifications', { params: { query: { limit, ...start } }, signal })),
    staleTime: 30_000,
  });
