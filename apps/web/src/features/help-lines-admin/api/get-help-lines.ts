import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

export const adminHelpLinesKey = ['admin', 'help-lines'] as const;

export const useAdminHelpLines = () => useQuery({ queryKey: adminHelpLinesKey, queryFn: async ({ signal }) => data(await api.GET('/api/admin/help-lines', { signal })).items });
