import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The published inspection checklists, read when the plan dialog opens. */
export const useInspectionTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: ['checklist-templates', 'inspection'],
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/checklist-templates', { params: { query: { kind: 'inspection', status: 'published', limit: 50 } }, signal })).items,
  });
