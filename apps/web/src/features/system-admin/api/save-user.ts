import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { usersKey } from './get-users';

/** A new user (POST) or a change to one (PATCH with its version: name, role, bureau, or status). */
export type SaveUser = { id: string; body: RequestBody<'/api/users/{id}', 'patch'> } | { id?: undefined; body: RequestBody<'/api/users', 'post'> };

const saveUser = async ({ id, body }: SaveUser) =>
  id === undefined ? data(await api.POST('/api/users', { body })) : data(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));

export const useSaveUser = (config?: MutationConfig<SaveUser, unknown>) =>
  useApiMutation(saveUser, config, (queryClient) => queryClient.invalidateQueries({ queryKey: usersKey() }));
