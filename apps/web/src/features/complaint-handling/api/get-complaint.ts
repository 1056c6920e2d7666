import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { isProblem } from '@/lib/api/problem';
import type { Language } from '@/lib/i18n/language';

export const complaintKeys = {
  /** Every complaint list (the inbox, the assigned list, the agency's) starts with this. */
  all: ['complaints'] as const,
  one: (id: string) => ['complaint', id] as const,
};

/** Keyed by language too: the categories and public notes come back in the reader's language. */
export const complaintQueryOptions = (id: string, language: Language) =>
  queryOptions({
    queryKey: [...complaintKeys.one(id), language],
    queryFn: async ({ signal }) => data(await api.GET('/api/complaints/{id}', { params: { path: { id } }, signal })),
    retry: (count, error) => !isProblem(error, 404) && count < 2,
  });

export const useComplaint = (id: string, language: Language) => useQuery(complaintQueryOptions(id, language));

/** After a change: the complaint read again (awaited), the lists in the background. */
export function useRefreshComplaint(id: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: complaintKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
  };
}
