import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { correctiveActionsKey } from './get-corrective-actions';

type Body = RequestBody<'/api/corrective-actions/{id}', 'patch'>;

export const useUpdateCorrectiveAction = (id: string, config?: MutationConfig<Body, unknown>) =>
  useApiMutation(async (body: Body) => data(await api.PATCH('/api/corrective-actions/{id}', { params: { path: { id } }, body })), config, (queryClient) =>
    queryClient.invalidateQueries({ queryKey: correctiveActionsKey() }),
  );
