import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The outcome and score the server's rules give the saved findings; keyed by version, so a save reads it anew. */
export const useInspectionPreview = (id: string, version: number, enabled: boolean) =>
  useQuery({
    queryKey: ['inspection-preview', id, version],
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}/preview', { params: { path: { id } }, signal })),
  });
