import { api, data } from '@/lib/api/client';
import { useApiMutation } from '@/lib/api/mutation';
import { meKey } from './get-notifications';

/** The list and the unread count are read again. */
export const useMarkNotificationRead = () =>
  useApiMutation(async (id: string) => data(await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })), {}, (queryClient) =>
    queryClient.invalidateQueries({ queryKey: meKey }),
  );
