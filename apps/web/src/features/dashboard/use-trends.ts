import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import { getLanguage } from '@/lib/i18n/language';
import { trendsQuery, type TrendFilters, type TrendGroup } from './trends-filters';

export function useTrends(filters: TrendFilters, groupBy: TrendGroup = filters.groupBy) {
  const query = trendsQuery(filters, groupBy);
  return useQuery({
    queryKey: ['complaint-trends', query, getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/complaints/trends', { params: { query }, signal })),
    // A filter change redraws over the previous figures instead of blanking the page.
    placeholderData: keepPreviousData,
  });
}

/** Spike and agency alerts; drilled into a province, that province's only. */
export function useAlerts(province?: string) {
  return useQuery({
    queryKey: ['complaint-alerts', province ?? 'all', getLanguage()],
    queryFn: async ({ signal }) => data(await api.GET('/api/complaints/alerts', { params: { query: province ? { province } : {} }, signal })),
  });
}

/** The API's own CSV of these figures (Accept: text/csv), saved under the name the API gives. */
export async function downloadTrendsCsv(filters: TrendFilters, groupBy: TrendGroup) {
  const result = await api.GET('/api/complaints/trends', { params: { query: trendsQuery(filters, groupBy) }, headers: { Accept: 'text/csv' }, parseAs: 'blob' });
  const blob = data(result) as unknown as Blob;
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `complaint-trends-${filters.from}-${filters.to}.csv`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name.replace('.csv', `-${groupBy}.csv`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
