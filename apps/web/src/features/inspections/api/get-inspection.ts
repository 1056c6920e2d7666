import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { isProblem } from '@/lib/api/problem';

export const inspectionKey = (id: string) => ['inspection', id] as const;

export const getInspection = async (id: string, signal?: AbortSignal) => data(await api.GET('/api/inspections/{id}', { params: { path: { id } }, signal }));

export const inspectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: inspectionKey(id),
    queryFn: ({ signal }) => getInspection(id, signal),
    // The editor holds the findings as last saved; a background refetch would only race it.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Infinity,
    retry: (count, error) => !isProblem(error, 404) && count < 2,
  });

export const useInspection = (id: string) => useQuery(inspectionQueryOptions(id));
