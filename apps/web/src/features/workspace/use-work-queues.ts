import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/api/client';
import type { components } from '@/api/schema';

const LIMIT = 100;
export interface QueueCount {
  count: number;
  /** More than `count` wait (the first page of the API's largest was full). */
  more: boolean;
}

function counted(page: { items: unknown[]; nextCursor?: string | null }): QueueCount {
  return { count: page.items.length, more: !!page.nextCursor };
}

type ApplicationStatus = components['schemas']['LicenceApplicationStatus'];
type SelfAssessmentStatus = components['schemas']['SelfAssessmentStatus'];
type ComplaintStatus = components['schemas']['ComplaintStatus'];
type CorrectiveActionStatus = components['schemas']['CorrectiveActionStatus'];
type CaseStatus = components['schemas']['CaseStatus'];

/** Counts of a bureau admin's or an agency's queues: the first page of each list, counted. */
export function useApplicationCount(status: ApplicationStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['licence-applications', 'count', status],
    queryFn: async ({ signal }) => counted(data(await api.GET('/api/licence-applications', { params: { query: { status, limit: LIMIT } }, signal }))),
    staleTime: 30_000,
  });
}

export function useSelfAssessmentCount(status: SelfAssessmentStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['self-assessments', 'count', status],
    queryFn: async ({ signal }) => counted(data(await api.GET('/api/self-assessments', { params: { query: { status, limit: LIMIT } }, signal }))),
    staleTime: 30_000,
  });
}

export function useComplaintCount(status: ComplaintStatus | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['complaints', 'count', status ?? 'all'],
    queryFn: async ({ signal }) => counted(data(await api.GET('/api/complaints', { params: { query: { ...(status ? { status } : {}), limit: LIMIT } }, signal }))),
    staleTime: 30_000,
  });
}

export function useCorrectiveActionCount(status: CorrectiveActionStatus, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['corrective-actions', 'count', status],
    queryFn: async ({ signal }) => counted(data(await api.GET('/api/corrective-actions', { params: { query: { status, limit: LIMIT } }, signal }))),
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
