import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';

type Answer = { id: string; answer: string };

/** The agency's answer to a complaint about it; the complaint lists are read again (not awaited). */
export const useAnswerComplaint = (config?: MutationConfig<Answer, unknown>) =>
  useApiMutation(async ({ id, answer }: Answer) => data(await api.POST('/api/complaints/{id}/answer', { params: { path: { id } }, body: { answer } })), config, (queryClient) => {
    void queryClient.invalidateQueries({ queryKey: ['complaints'] });
  });
