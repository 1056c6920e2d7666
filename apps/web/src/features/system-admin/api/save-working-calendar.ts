import { api, data } from '@/lib/api/client';
import { useApiMutation, type MutationConfig } from '@/lib/api/mutation';
import type { RequestBody } from '@/lib/api/types';
import { workingCalendarKey } from './get-working-calendar';

type Body = RequestBody<'/api/admin/working-calendar/{year}', 'put'>;

export const useSaveWorkingCalendar = (year: number, config?: MutationConfig<Body, unknown>) =>
  useApiMutation(async (body: Body) => data(await api.PUT('/api/admin/working-calendar/{year}', { params: { path: { year } }, body })), config, (queryClient) =>
    queryClient.invalidateQueries({ queryKey: workingCalendarKey(year) }),
  );
