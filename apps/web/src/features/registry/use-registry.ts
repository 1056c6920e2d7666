import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

export type Agency = components['schemas']['AgencyView'];
export type AgencyType = components['schemas']['AgencyType'];
export type LicenceStatus = components['schemas']['LicenceStatus'];
export type Licence = components['schemas']['LicenceWithEvents'];
export type LicenceAction = 'suspend' | 'reinstate' | 'revoke' | 'surrender';

export const AGENCY_FILTERS = ['name', 'uscc', 'agencyType', 'licenceStatus', 'jurisdiction', 'minRisk', 'maxRisk'] as const;
export type AgencyFilters = Partial<Record<(typeof AGENCY_FILTERS)[number], string>>;

/** Which statuses each action leaves from (the API's lifecycle; the API still decides). */
export const ACTION_FROM: Record<LicenceAction, LicenceStatus[]> = {
  suspend: ['active'],
  reinstate: ['suspended'],
  revoke: ['active', 'suspended'],
  surrender: ['active', 'suspended'],
};

export function useAgencies(filters: AgencyFilters, limit = 50) {
  const query = {
    limit,
    ...(filters.name ? { name: filters.name } : {}),
    ...(filters.uscc ? { uscc: filters.uscc } : {}),
    ...(filters.agencyType ? { agencyType: filters.agencyType as AgencyType } : {}),
    ...(filters.licenceStatus ? { licenceStatus: filters.licenceStatus as LicenceStatus } : {}),
    ...(filters.jurisdiction ? { jurisdiction: filters.jurisdiction } : {}),
    ...(filters.minRisk ? { minRisk: Number(filters.minRisk) } : {}),
    ...(filters.maxRisk ? { maxRisk: Number(filters.maxRisk) } : {}),
  };
  return useKeysetList({
    queryKey: ['agencies', 'list', query],
    fetchPage: async (start, signal) => data(await api.GET('/api/agencies', { params: { query: { ...query, ...start } }, signal })),
  });
}

export function useAgencyProfile(id: string) {
  return useQuery({
    queryKey: ['agencies', 'profile', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies/{id}/profile', { params: { path: { id } }, signal })),
  });
}

export function useLicence(id: string) {
  return useQuery({
    queryKey: ['licences', 'one', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/licences/{id}', { params: { path: { id } }, signal })),
  });
}

export function useLicenceAction(licence: Licence | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, reason, until }: { action: LicenceAction; reason: string; until?: string }) => {
      if (!licence) throw new Error('no licence');
      const params = { path: { id: licence.id } };
      const body = { reason, version: licence.version };
      if (action === 'suspend') return data(await api.POST('/api/licences/{id}/suspend', { params, body: { ...body, ...(until ? { until } : {}) } }));
      if (action === 'reinstate') return data(await api.POST('/api/licences/{id}/reinstate', { params, body }));
      if (action === 'revoke') return data(await api.POST('/api/licences/{id}/revoke', { params, body }));
      return data(await api.POST('/api/licences/{id}/surrender', { params, body }));
    },
    // Success or refusal, the page shows the licence as it now is.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['licences'] }), queryClient.invalidateQueries({ queryKey: ['agencies'] })]),
  });
}

export function useImportAgencies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) =>
      data(
        await api.POST('/api/agencies/import', {
          body: csv as never,
          bodySerializer: (body: unknown) => body as string,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

export const LICENCE_TONE: Record<LicenceStatus, 'ok' | 'bad' | 'warn' | 'info' | 'off'> = {
  active: 'ok',
  suspended: 'warn',
  revoked: 'bad',
  surrendered: 'off',
  expired: 'off',
};
