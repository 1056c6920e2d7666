import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { Language } from '@/lib/i18n/language';

export const useOverview = (language: Language) =>
  useQuery({ queryKey: ['reports-overview', language], queryFn: async ({ signal }) => data(await api.GET('/api/reports/overview', { signal })) });
