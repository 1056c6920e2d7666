import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

export const bureausKey = ['admin', 'bureaus'] as const;

/** Every bureau (a few dozen: one page of the API's largest). */
export const useBureaus = () =>
  useQuery({ queryKey: bureausKey, queryFn: async ({ signal }) => data(await api.GET('/api/bureaus', { params: { query: { limit: 200 } }, signal })).items });
