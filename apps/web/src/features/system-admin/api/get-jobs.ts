import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { Language } from '@/lib/i18n/language';

export const jobsKey = ['admin', 'jobs'] as const;

export const useJobs = (language: Language) => useQuery({ queryKey: [...jobsKey, language], queryFn: async ({ signal }) => data(await api.GET('/api/admin/jobs', { signal })) });
