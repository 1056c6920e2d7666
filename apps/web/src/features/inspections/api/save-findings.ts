import { api, data } from '@/lib/api/client';
import type { RequestBody } from '@/lib/api/types';

/** PUT /inspections/:id/findings with the version read; the findings sync queue calls it, no page does. */
export const saveFindings = async (id: string, body: RequestBody<'/api/inspections/{id}/findings', 'put'>) =>
  data(await api.PUT('/api/inspections/{id}/findings', { params: { path: { id } }, body }));
