import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useLanguage } from '@/lib/i18n/use-i18n';
import { useKeysetList } from '@/hooks/use-keyset-list';

export type SelfAssessment = components['schemas']['SelfAssessmentView'];
export type SelfAssessmentDetail = components['schemas']['SelfAssessmentDetailView'];
export type SelfAssessmentStatus = components['schemas']['SelfAssessmentStatus'];
export type AnswerValue = components['schemas']['SelfAssessmentAnswer'];
export type AnswerInput = components['schemas']['AnswerInput'];

export const SELF_ASSESSMENT_FILTERS = ['status', 'period', 'overdue', 'returned', 'withDiscrepancies', 'agencyId'] as const;
export type SelfAssessmentFilters = Partial<Record<(typeof SELF_ASSESSMENT_FILTERS)[number], string>>;

export function useSelfAssessments(filters: SelfAssessmentFilters, limit = 50) {
  const flag = (value?: string) => (value === 'true' ? true : value === 'false' ? false : undefined);
  const query = {
    limit,
    ...(filters.status ? { status: filters.status as SelfAssessmentStatus } : {}),
    ...(filters.period ? { period: Number(filters.period) } : {}),
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
    overdue: flag(filters.overdue),
    returned: flag(filters.returned),
    withDiscrepancies: flag(filters.withDiscrepancies),
  };
  return useKeysetList({
    queryKey: ['self-assessments', query],
    fetchPage: async (start, signal) => data(await api.GET('/api/self-assessments', { params: { query: { ...query, ...start } }, signal })),
  });
}

export function useSelfAssessment(id: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: ['self-assessments', 'one', id, language],
    queryFn: async ({ signal }) => data(await api.GET('/api/self-assessments/{id}', { params: { path: { id } }, signal })),
  });
}

/** The inspections behind the discrepancies, for the finding shown beside each answer. */
export function useDiscrepancyInspections(ids: string[]) {
  const language = useLanguage();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['inspections', 'one', id, language],
      queryFn: async ({ signal }: { signal: AbortSignal }) => data(await api.GET('/api/inspections/{id}', { params: { path: { id } }, signal })),
      staleTime: 60_000,
    })),
  });
}

export function useAgencyOf(agencyId: string | undefined) {
  return useQuery({
    enabled: !!agencyId,
    queryKey: ['agencies', 'one', agencyId],
    queryFn: async ({ signal }) => data(await api.GET('/api/agencies/{id}', { params: { path: { id: agencyId as string } }, signal })),
    staleTime: 60_000,
  });
}

export function useSelfAssessmentActions(id: string) {
  const queryClient = useQueryClient();
  const done = (updated: SelfAssessment) => {
    void queryClient.invalidateQueries({ queryKey: ['self-assessments'] });
    return updated;
  };
  const save = useMutation({
    mutationFn: async ({ answers, version }: { answers: AnswerInput[]; version: number }) =>
      done(data(await api.PUT('/api/self-assessments/{id}/answers', { params: { path: { id } }, body: { answers, version } }))),
  });
  const submit = useMutation({
    mutationFn: async ({ answers, version }: { answers: AnswerInput[]; version: number }) => {
      // Saved first, so that what is on the screen is what is submitted.
      const saved = data(await api.PUT('/api/self-assessments/{id}/answers', { params: { path: { id } }, body: { answers, version } }));
      return done(data(await api.POST('/api/self-assessments/{id}/submit', { params: { path: { id } }, body: { version: saved.version } })));
    },
  });
  const review = useMutation({
    mutationFn: async (body: { decision: 'accept' | 'return'; note?: string; version: number }) =>
      done(data(await api.POST('/api/self-assessments/{id}/review', { params: { path: { id } }, body }))),
  });
  return { save, submit, review };
}

export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['OpenRoundRequest']) => data(await api.POST('/api/self-assessments', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['self-assessments'] }),
  });
}

export const SELF_ASSESSMENT_TONE: Record<SelfAssessmentStatus, 'ok' | 'bad' | 'warn' | 'info' | 'off'> = {
  draft: 'off',
  submitted: 'info',
  resubmitted: 'info',
  accepted: 'ok',
  returned: 'warn',
};
