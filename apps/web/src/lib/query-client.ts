import { QueryClient } from '@tanstack/react-query';
import { isProblem } from '@/lib/api/problem';

/** Refusals (4xx) are answers, not glitches: only network failures and 5xx are retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      gcTime: 10 * 60_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => count < 2 && !(isProblem(error) && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
