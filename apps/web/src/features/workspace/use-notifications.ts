import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** Who I am, fresh (the unread count moves); the session holds the copy taken at sign-in. */
export function useMe() {
  return useQuery({
    queryKey: ['me', 'profile'],
    queryFn: async ({ signal }) => data(await api.GET('/api/me', { signal })),
    staleTime: 30_000,
  });
}
