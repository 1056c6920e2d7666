import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { getLanguage } from '@/lib/i18n/language';

export const useCountryNotes = (country: string | undefined) =>
  useQuery({
    queryKey: ['country-notes', country, getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/country-notes', { params: { query: { country } }, signal })).items,
    staleTime: 5 * 60_000,
  });
