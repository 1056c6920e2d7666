import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import { useRefreshComplaint } from './get-complaint';

/** A change to one complaint (move, assign, link, extend, answer): the complaint and its lists are read again after it. */
export function useComplaintMutation<Vars>(id: string, call: (vars: Vars) => Promise<unknown>, config?: MutationConfig<Vars, unknown>) {
  const refresh = useRefreshComplaint(id);
  return useApiMutation(call, config, refresh);
}
