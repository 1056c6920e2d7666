import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { getLanguage } from '@/lib/i18n/language';

export interface TrackingCredentials {
  code: string;
  secret: string;
}

/**
 * The PIN (or, for complaints filed before PINs, the long secret) travels in a header, never in
 * the address (it would sit in history and logs). Six digits are a PIN; anything else a secret.
 */
export function useComplaintStatus(credentials: TrackingCredentials | undefined) {
  return useQuery({
    queryKey: ['complaint-status', credentials?.code, credentials?.secret, getLanguage()],
    enabled: !!credentials,
    staleTime: 0,
    queryFn: async ({ signal }) =>
      data(
        await api.GET('/api/public/complaints/{trackingCode}', {
          params: {
            path: { trackingCode: credentials?.code ?? '' },
            header: /^\d{6}$/.test(credentials?.secret ?? '') ? { 'X-Complaint-Pin': credentials?.secret ?? '' } : { 'X-Complaint-Secret': credentials?.secret ?? '' },
          },
          signal,
        }),
      ),
  });
}
