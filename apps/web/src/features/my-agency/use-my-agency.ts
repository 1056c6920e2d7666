import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Agency = components['schemas']['AgencyView'];
export type LicenceView = components['schemas']['LicenceView'];

/** A renewal may be filed from 90 days before expiry until the day of expiry (the API's rule). */
export const RENEWAL_WINDOW_DAYS = 90;

export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function renewalWindow(licence: LicenceView, today = todayInChina()): { opensOn: string; open: boolean; upcoming: boolean } {
  const opensOn = addDays(licence.expiresOn, -RENEWAL_WINDOW_DAYS);
  const inForce = licence.status === 'active' || licence.status === 'suspended';
  return { opensOn, open: inForce && today >= opensOn && today <= licence.expiresOn, upcoming: inForce && today < opensOn };
}

export function useAgency(id: string | null | undefined) {
  return useQuery({
    enabled: !!id,
    queryKey: ['agencies', 'one', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies/{id}', { params: { path: { id: id as string } }, signal })),
  });
}

export function useAgencyLicences(agencyId: string | null | undefined) {
  return useQuery({
    enabled: !!agencyId,
    queryKey: ['licences', 'of', agencyId],
    queryFn: async ({ signal }) => data(await api.GET('/api/licences', { params: { query: { agencyId: agencyId as string, limit: 100 } }, signal })).items,
  });
}

export function useUpdateContacts(agency: Agency | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (contacts: { contactName?: string; contactPhone?: string; contactEmail?: string }) => {
      if (!agency) throw new Error('no agency');
      return data(await api.PATCH('/api/agencies/{id}', { params: { path: { id: agency.id } }, body: { version: agency.version, ...contacts } }));
    },
    onSuccess: (updated) => queryClient.setQueryData(['agencies', 'one', updated.id], updated),
    onError: () => queryClient.invalidateQueries({ queryKey: ['agencies', 'one', agency?.id] }),
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['CreateApplicationRequest']) => data(await api.POST('/api/licence-applications', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['licence-applications'] }),
  });
}
