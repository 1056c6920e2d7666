import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { getLanguage } from '@/lib/i18n/language';

export interface TrackingCredentials {
  code: string;
  secret: string;
}

/** The secret travels in a header, never in the address (it would sit in history and logs). */
export function useComplaintStatus(credentials: TrackingCredentials | undefined) {
  return useQuery({
    queryKey: ['complaint-status', credentials?.code, credentials?.secret, getLanguage()],
    enabled: !!credentials,
    staleTime: 0,
    queryFn: async ({ signal }) =>
      data(
        await api.GET('/api/public/complaints/{trackingCode}', {
          params: { path: { trackingCode: credentials?.code ?? '' }, header: { 'X-Complaint-Secret': credentials?.secret ?? '' } },
          signal,
        }),
      ),
  });
}
