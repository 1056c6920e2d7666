import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { bureausKey } from './get-bureaus';

/** A new bureau (POST) or a change to one (PATCH with its version). */
export type SaveBureau = { id: string; body: RequestBody<'/api/bureaus/{id}', 'patch'> } | { id?: undefined; body: RequestBody<'/api/bureaus', 'post'> };

const saveBureau = async ({ id, body }: SaveBureau) =>
  id === undefined ? data(await api.POST('/api/bureaus', { body })) : data(await api.PATCH('/api/bureaus/{id}', { params: { path: { id } }, body }));

export const useSaveBureau = (config?: MutationConfig<SaveBureau, unknown>) =>
  useApiMutation(saveBureau, config, (queryClient) => queryClient.invalidateQueries({ queryKey: bureausKey }));
