import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { adminHelpLinesKey } from './get-help-lines';

/** A new help line (POST) or a change to one (PUT with its version). */
export type SaveHelpLine = { id: string; body: RequestBody<'/api/admin/help-lines/{id}', 'put'> } | { id?: undefined; body: RequestBody<'/api/admin/help-lines', 'post'> };

const saveHelpLine = async ({ id, body }: SaveHelpLine) =>
  id === undefined ? data(await api.POST('/api/admin/help-lines', { body })) : data(await api.PUT('/api/admin/help-lines/{id}', { params: { path: { id } }, body }));

/** The admin list and the public one (['help-lines'], the before-you-go page's) are read again. */
export const useSaveHelpLine = (config?: MutationConfig<SaveHelpLine, unknown>) =>
  useApiMutation(saveHelpLine, config, async (queryClient) => {
    await queryClient.invalidateQueries({ queryKey: adminHelpLinesKey });
    await queryClient.invalidateQueries({ queryKey: ['help-lines'] });
  });
