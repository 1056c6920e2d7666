import { api, data } from '@/lib/api/client';
import type { MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { useComplaintMutation } from './complaint-mutation';

type Body = RequestBody<'/api/complaints/{id}/answer', 'post'>;

export const useAnswerComplaint = (id: string, config?: MutationConfig<Body, unknown>) =>
  useComplaintMutation(id, async (body: Body) => data(await api.POST('/api/complaints/{id}/answer', { params: { path: { id } }, body })), config);
