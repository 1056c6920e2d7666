import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { placementsKey, type PlacementRequest } from './types';

export function useFilePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlacementRequest) => data(await api.POST('/api/placements', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...placementsKey, 'list'] }),
  });
}
