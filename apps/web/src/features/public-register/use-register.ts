import { useInfiniteQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';

type RegisterQuery = NonNullable<operations['searchPublicRegister']['parameters']['query']>;
export type RegisterFilter = Pick<RegisterQuery, 'q' | 'province' | 'status'>;

export function useRegister(filter: RegisterFilter) {
  return useInfiniteQuery({
    queryKey: ['register', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/public/agencies', { params: { query: { ...filter, limit: 20, cursor: pageParam } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
