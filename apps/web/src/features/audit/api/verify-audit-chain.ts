import { useMutation } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** Checks the audit log's hash chain on request (a read, run as a mutation: it is a button, not a view). */
export const useVerifyAuditChain = () => useMutation({ mutationFn: async () => data(await api.GET('/api/audit/verify')) });
