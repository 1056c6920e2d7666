import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { inspectionKey } from './get-inspection';

type Body = RequestBody<'/api/inspections/{id}/addenda', 'post'>;

export const useAddAddendum = (id: string, config?: MutationConfig<Body, unknown>) =>
  useApiMutation(async (body: Body) => data(await api.POST('/api/inspections/{id}/addenda', { params: { path: { id } }, body })), config, (queryClient) =>
    queryClient.invalidateQueries({ queryKey: inspectionKey(id) }),
  );
