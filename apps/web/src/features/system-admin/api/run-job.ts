import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { jobsKey } from './get-jobs';

/** Runs a job now; its runs are read again whether it worked or not. */
export function useRunJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => data(await api.POST('/api/admin/jobs/{name}/run', { params: { path: { name } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobsKey }),
  });
}
