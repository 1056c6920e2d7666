import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { getLanguage } from '@/lib/i18n/language';

export function useVerification(number: string | undefined) {
  return useQuery({
    queryKey: ['verify', number, getLanguage()],
    enabled: !!number,
    queryFn: async ({ signal }) => data(await api.GET('/api/public/licences/{number}', { params: { path: { number: number ?? '' } }, signal })),
  });
}
