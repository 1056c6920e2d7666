import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { bureauUsersKey } from './get-users';

type User = { id: string; version: number; status: 'active' | 'disabled' };

/** Disables an active user or enables a disabled one; the list is read again either way (a refusal may mean it changed). */
export function useToggleUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (user: User) => data(await api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { version: user.version, status: user.status === 'active' ? 'disabled' : 'active' } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bureauUsersKey() }),
  });
}
