import { api, data } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

export type InspectionFilters = NonNullable<paths['/api/inspections']['get']['parameters']['query']>;

/** All inspection lists start with this key (a submit or a plan reads them again). */
export const inspectionsKey = (filters?: InspectionFilters) => (filters ? (['inspections', filters] as const) : (['inspections'] as const));

export const getInspections = async (query: InspectionFilters, signal?: AbortSignal) => data(await api.GET('/api/inspections', { params: { query }, signal }));

export const useInspections = (filters: InspectionFilters) =>
  useKeysetList({ queryKey: inspectionsKey(filters), fetchPage: (start, signal) => getInspections({ ...filters, limit: 30, ...start }, signal) });
