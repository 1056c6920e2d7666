import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import type { Language } from '@/lib/i18n/language';
import { useKeysetList } from '@/hooks/use-keyset-list';
import { complaintKeys } from './get-complaint';

type Status = components['schemas']['ComplaintStatus'];

/** The complaints assigned to me (read only once who I am is known). */
export const useAssignedComplaints = (me: string | undefined, status: Status | undefined, language: Language) =>
  useKeysetList({
    queryKey: [...complaintKeys.all, 'assigned', me, status, language],
    enabled: me !== undefined,
    fetchPage: async (start, signal) => data(await api.GET('/api/complaints', { params: { query: { assigneeId: me, ...(status ? { status } : {}), limit: 30, ...start } }, signal })),
  });
