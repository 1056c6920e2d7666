import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { bureauUsersKey } from './get-users';

type Body = RequestBody<'/api/users', 'post'>;
const createUser = async (body: Body) => data(await api.POST('/api/users', { body }));

export const useCreateUser = (config?: MutationConfig<Body, Awaited<ReturnType<typeof createUser>>>) =>
  useApiMutation(createUser, config, (queryClient) => queryClient.invalidateQueries({ queryKey: bureauUsersKey() }));
