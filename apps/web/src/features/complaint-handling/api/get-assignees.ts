import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';

/** The officers a complaint may be assigned to. */
export const useAssignees = (id: string) =>
  useQuery({
    queryKey: ['complaint-assignees', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/complaints/{id}/assignees', { params: { path: { id } }, signal })).items,
  });
