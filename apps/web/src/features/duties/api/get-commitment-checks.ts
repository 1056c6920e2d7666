import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

type State = components['schemas']['CommitmentCheckState'];

export const commitmentChecksKey = ['commitment-checks'] as const;
export const unassignedInspectionsKey = ['inspections', 'unassigned'] as const;

export const useCommitmentChecks = (state: State) =>
  useKeysetList({
    queryKey: [...commitmentChecksKey, state],
    fetchPage: async (start, signal) => data(await api.GET('/api/commitment-checks', { params: { query: { state, limit: 50, ...start } }, signal })),
  });

/** The planned inspections nobody leads yet (commitment checks and surveillance inspections the system planned). */
export const useUnassignedInspections = (enabled: boolean) =>
  useQuery({
    queryKey: unassignedInspectionsKey,
    enabled,
    queryFn: async ({ signal }) => data(await api.GET('/api/inspections', { params: { query: { unassigned: true, limit: 100 } }, signal })).items,
  });
