import { useMutation, useQueryClient, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';

/** What a page may add to a feature's mutation hook: its own onSuccess, onError, … (never the call itself). */
export type MutationConfig<Vars, Result> = Omit<UseMutationOptions<Result, Error, Vars>, 'mutationFn'>;

/**
 * A feature's mutation: `mutationFn` calls the API, `refresh` brings the caches it changed up to date
 * (awaited, so the mutation stays pending until the page shows the new state), and the page's own
 * onSuccess runs first (closing a dialog, resetting a form).
 */
export function useApiMutation<Vars, Result>(
  mutationFn: (vars: Vars) => Promise<Result>,
  config: MutationConfig<Vars, Result> = {},
  refresh?: (queryClient: QueryClient, result: Result, vars: Vars) => unknown,
) {
  const queryClient = useQueryClient();
  return useMutation<Result, Error, Vars>({
    ...config,
    mutationFn,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await refresh?.(queryClient, args[0], args[1]);
    },
  });
}
