import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The bureaus in my reach, to name each user's bureau and to choose one for a new account. */
export const useMyBureaus = () =>
  useQuery({ queryKey: ['bureaus', 'mine'], queryFn: async ({ signal }) => data(await api.GET('/api/bureaus', { params: { query: { limit: 200 } }, signal })).items });
