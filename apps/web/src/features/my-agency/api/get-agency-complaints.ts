import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

type Status = components['schemas']['ComplaintStatus'];

/** The complaints about my agency (keyed by the URL's filters; every complaint list starts with ['complaints']). */
export const useAgencyComplaints = (filters: Partial<Record<string, string>>, status: Status | undefined) =>
  useKeysetList({
    queryKey: ['complaints', 'agency', filters],
    fetchPage: async (start, signal) => data(await api.GET('/api/complaints', { params: { query: { limit: 20, ...(status ? { status } : {}), ...start } }, signal })),
  });
