import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';

const issueReset = async (id: string) => data(await api.POST('/api/users/{id}/password-reset', { params: { path: { id } } }));

/** A one-time reset link for a user, shown once to the admin. */
export const useIssuePasswordReset = (config?: MutationConfig<string, Awaited<ReturnType<typeof issueReset>>>) => useApiMutation(issueReset, config);
