import { useQuery } from '@tanstack/react-query';
import { getLanguage } from '@/app/i18n/language';
import { api, data } from './client';

/**
 * Reference data every public page may need, cached per language (the API writes the texts):
 * provinces (GB/T 2260), complaint categories and help lines.
 */
export function useProvinces() {
  return useQuery({
    queryKey: ['jurisdictions', 'province'],
    queryFn: async ({ signal }) => data(await api.GET('/api/jurisdictions', { params: { query: { level: 'province' } }, signal })),
    staleTime: Infinity,
  });
}

export function useComplaintCategories() {
  return useQuery({
    queryKey: ['complaint-categories', getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/complaint-categories', { signal })),
    staleTime: 60 * 60_000,
  });
}

export function useHelpLines() {
  return useQuery({
    queryKey: ['help-lines', getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/public/help-lines', { signal })).items,
    staleTime: 5 * 60_000,
  });
}
