import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { inspectionKey } from './get-inspection';
import { inspectionsKey } from './get-inspections';

type Body = RequestBody<'/api/inspections/{id}/submit', 'post'>;

export const useSubmitInspection = (id: string, config?: MutationConfig<Body, unknown>) =>
  useApiMutation(async (body: Body) => data(await api.POST('/api/inspections/{id}/submit', { params: { path: { id } }, body })), config, async (queryClient) => {
    await queryClient.invalidateQueries({ queryKey: inspectionKey(id) });
    void queryClient.invalidateQueries({ queryKey: inspectionsKey() });
  });
