import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';

type Body = RequestBody<'/api/inspections', 'post'>;
type Planned = Awaited<ReturnType<typeof planInspection>>;

const planInspection = async (body: Body) => data(await api.POST('/api/inspections', { body }));

export const usePlanInspection = (config?: MutationConfig<Body, Planned>) => useApiMutation(planInspection, config);
