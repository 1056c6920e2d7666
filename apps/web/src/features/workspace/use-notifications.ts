import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/api/client';

export function useNotifications() {
  return useQuery({
    queryKey: ['me', 'notifications'],
    queryFn: async ({ signal }) => data(await api.GET('/api/me/notifications', { signal })),
    staleTime: 30_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => data(await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** Who I am, fresh (the unread count moves); the session holds the copy taken at sign-in. */
export function useMe() {
  return useQuery({
    queryKey: ['me', 'profile'],
    queryFn: async ({ signal }) => data(await api.GET('/api/me', { signal })),
    staleTime: 30_000,
  });
}
