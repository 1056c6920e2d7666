import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { placementsKey } from './types';

/** The worker's check: runs only once she has asked (code and ID suffix given). */
export function usePlacementCheck(request: { code: string; idLast4: string } | undefined) {
  return useQuery({
    queryKey: [...placementsKey, 'check', request],
    enabled: !!request,
    retry: false,
    queryFn: async ({ signal }) =>
      data(await api.GET('/api/public/placements/{checkCode}', { params: { path: { checkCode: request!.code }, query: { idLast4: request!.idLast4 } }, signal })),
  });
}
