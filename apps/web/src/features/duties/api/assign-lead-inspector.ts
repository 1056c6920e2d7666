import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { commitmentChecksKey, unassignedInspectionsKey } from './get-commitment-checks';

type Body = RequestBody<'/api/inspections/{id}/lead-inspector', 'post'>;

/** The inspection (for its version) and the officers who may lead it, read once the dialog opens. */
export const useLeadInspectorChoice = (id: string, enabled: boolean) => ({
  inspection: useQuery({
    queryKey: ['inspection', id, 'for-assignment'],
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}', { params: { path: { id } }, signal })),
  }),
  assignees: useQuery({
    queryKey: ['inspection', id, 'assignees'],
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections/{id}/assignees', { params: { path: { id } }, signal })).items,
  }),
});

export const useAssignLeadInspector = (id: string, config?: MutationConfig<Body, unknown>) =>
  useApiMutation(async (body: Body) => data(await api.POST('/api/inspections/{id}/lead-inspector', { params: { path: { id } }, body })), config, (queryClient) =>
    Promise.all([queryClient.invalidateQueries({ queryKey: commitmentChecksKey }), queryClient.invalidateQueries({ queryKey: unassignedInspectionsKey })]),
  );
