import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The inspections of a complaint's agency, to link one (keyed like the inspection lists, so a submit refreshes it). */
export const useAgencyInspections = (agencyId: string | null | undefined) =>
  useQuery({
    queryKey: ['inspections', { agencyId }],
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections', { params: { query: { agencyId: agencyId ?? undefined, limit: 50 } }, signal })).items,
  });
