import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { saveBlob } from '@/utils/save-blob';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useLanguage } from '@/lib/i18n/use-i18n';

export type AnnualReport = components['schemas']['AnnualReportView'];
export type AnnualReportSummary = components['schemas']['AnnualReportSummaryView'];
export type ReserveFund = components['schemas']['ReserveFundView'];
export type ReportFigures = components['schemas']['UpdateAnnualReportRequest'];

export interface ReportListFilter {
  year?: number;
  awaitingReview?: boolean;
  feeFlag?: boolean;
  overdue?: boolean;
  status?: AnnualReport['status'];
}

export function useAnnualReports(filter: ReportListFilter) {
  return useInfiniteQuery({
    queryKey: ['annual-reports', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      data(await api.GET('/api/annual-reports', { params: { query: { limit: 50, ...filter, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAnnualReport(id: string) {
  return useQuery({
    queryKey: ['annual-reports', 'one', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/annual-reports/{id}', { params: { path: { id } }, signal })),
  });
}

/** After any change the lists and the report itself are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (report: AnnualReport) => {
    queryClient.setQueryData(['annual-reports', 'one', report.id], report);
    return queryClient.invalidateQueries({ queryKey: ['annual-reports', 'list'] });
  };
}

export function useCreateReport() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (year: number) => data(await api.POST('/api/annual-reports', { body: { year } })),
    onSuccess: refresh,
  });
}

export function useSaveReport(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: ReportFigures) => data(await api.PUT('/api/annual-reports/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useSubmitReport(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (version: number) => data(await api.POST('/api/annual-reports/{id}/submit', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
}

export function useReviewReport(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: { decision: 'accept' | 'return'; note?: string; version: number }) =>
      data(await api.POST('/api/annual-reports/{id}/review', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useSummary(year: number, province: string | undefined) {
  return useQuery({
    queryKey: ['annual-reports', 'summary', year, province],
    queryFn: async ({ signal }) => data(await api.GET('/api/annual-reports/summary', { params: { query: { year, ...(province ? { province } : {}) } }, signal })),
  });
}

/** The summary as the API's CSV (BOM and all), saved by the browser. */
export async function downloadSummaryCsv(year: number, province: string | undefined): Promise<void> {
  const result = await api.GET('/api/annual-reports/summary', {
    params: { query: { year, ...(province ? { province } : {}) } },
    headers: { Accept: 'text/csv' },
    parseAs: 'blob',
  });
  saveBlob(result.data as unknown as Blob, `annual-reports-${year}${province ? `-${province}` : ''}.csv`);
}

export function useReserveFund(agencyId: string) {
  return useQuery({
    queryKey: ['reserve-fund', agencyId],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies/{id}/reserve-fund', { params: { path: { id: agencyId } }, signal })),
  });
}

export function useAddReserveFundEntry(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['CreateReserveFundEntryRequest']) =>
      data(await api.POST('/api/agencies/{id}/reserve-fund/entries', { params: { path: { id: agencyId } }, body })),
    onSuccess: (fund) => queryClient.setQueryData(['reserve-fund', agencyId], fund),
  });
}

/** A bureau official confirms the bank evidence of an entry the agency declared (the fund's version as read). */
export function useVerifyReserveFundEntry(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ entryId, version }: { entryId: string; version: number }) =>
      data(await api.POST('/api/agencies/{id}/reserve-fund/entries/{entryId}/verify', { params: { path: { id: agencyId, entryId } }, body: { version } })),
    onSuccess: (fund) => queryClient.setQueryData(['reserve-fund', agencyId], fund),
  });
}

/** The agency's licences (an agency user sees its own only). */
export function useLicences(agencyId: string | undefined) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['licences', 'of', agencyId, language],
    enabled: !!agencyId,
    queryFn: async ({ signal }) => data(await api.GET('/api/licences', { params: { query: { agencyId, limit: 20 } }, signal })),
  });
}

/** Downloads a licence's certificate PDF with the signed-in token (a plain link would carry none). */
/** Fen as yuan for people: ¥1,234.50 (integer arithmetic, no float rounding). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const whole = Math.trunc(Math.abs(fen) / 100);
  const cents = String(Math.abs(fen) % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${whole.toLocaleString('en-US')}.${cents}`;
}
