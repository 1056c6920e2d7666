import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export interface QueueCount {
  count: number;
  /** More than `count` wait (never, now that the API counts them exactly; kept for the tiles' shape). */
  more: boolean;
}

type ApplicationStatus = components['schemas']['LicenceApplicationStatus'];
type SelfAssessmentStatus = components['schemas']['SelfAssessmentStatus'];
type ComplaintStatus = components['schemas']['ComplaintStatus'];
type CorrectiveActionStatus = components['schemas']['CorrectiveActionStatus'];
type CaseStatus = components['schemas']['CaseStatus'];
type StatusCounts = components['schemas']['StatusCountsView'];

/** One status's exact count (or every status's total) from a list's counts endpoint. */
function counted(counts: StatusCounts, status: string | undefined): QueueCount {
  return { count: status ? (counts.byStatus[status] ?? 0) : counts.total, more: false };
}

/**
 * Counts of a bureau admin's or an agency's queues, counted by the API in SQL (one grouped query
 * per list, shared by every tile of that list), exact however many wait.
 */
export function useApplicationCount(status: ApplicationStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['licence-applications', 'counts'],
    queryFn: async ({ signal }) => data(await api.GET('/api/licence-applications/counts', { signal })),
    select: (counts) => counted(counts, status),
    staleTime: 30_000,
  });
}

export function useSelfAssessmentCount(status: SelfAssessmentStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['self-assessments', 'counts'],
    queryFn: async ({ signal }) => data(await api.GET('/api/self-assessments/counts', { signal })),
    select: (counts) => counted(counts, status),
    staleTime: 30_000,
  });
}

export function useComplaintCount(status: ComplaintStatus | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['complaints', 'counts'],
    queryFn: async ({ signal }) => data(await api.GET('/api/complaints/counts', { signal })),
    select: (counts) => counted(counts, status),
    staleTime: 30_000,
  });
}

export function useCorrectiveActionCount(status: CorrectiveActionStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['corrective-actions', 'counts'],
    queryFn: async ({ signal }) => data(await api.GET('/api/corrective-actions/counts', { signal })),
    select: (counts) => counted(counts, status),
    staleTime: 30_000,
  });
}

/** Cases by state in one request: the API counts them in SQL, exactly. */
export function useCaseCounts(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['cases', 'counts'],
    queryFn: async ({ signal }) => {
      const { byStatus } = data(await api.GET('/api/cases/counts', { signal }));
      return Object.fromEntries(Object.entries(byStatus).map(([status, count]) => [status, { count, more: false }])) as Record<CaseStatus, QueueCount>;
    },
    staleTime: 30_000,
  });
}

export function sum(...counts: (QueueCount | undefined)[]): QueueCount | undefined {
  if (counts.some((c) => !c)) return undefined;
  return { count: counts.reduce((total, c) => total + (c as QueueCount).count, 0), more: counts.some((c) => c?.more) };
}
