import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { useKeysetList } from '@/hooks/use-keyset-list';

export type Application = components['schemas']['ApplicationView'];
export type ApplicationStatus = components['schemas']['LicenceApplicationStatus'];
export type ApplicationKind = components['schemas']['LicenceApplicationKind'];
export type NewApplication = components['schemas']['CreateApplicationRequest'];

export interface ApplicationFilters {
  status?: string;
  kind?: string;
  agencyId?: string;
}

export function useApplications(filters: ApplicationFilters, limit = 50) {
  return useKeysetList({
    queryKey: ['licence-applications', filters, limit],
    fetchPage: async (start, signal) =>
      data(
        await api.GET('/api/licence-applications', {
          params: { query: { limit, ...(filters as { status?: ApplicationStatus; kind?: ApplicationKind; agencyId?: string }), ...start } },
          signal,
        }),
      ),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['licence-applications', 'one', id],
    queryFn: async ({ signal }) => data(await api.GET('/api/licence-applications/{id}', { params: { path: { id } }, signal })),
  });
}

type Action =
  | { kind: 'start-review' }
  | { kind: 'decide'; decision: 'approve' | 'refuse' | 'return'; reason?: string }
  | { kind: 'resubmit'; note?: string };

/** Start review, decide or resubmit, with the version read (a stale one is refused with 409). */
export function useApplicationAction(application: Application | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: Action) => {
      if (!application) throw new Error('no application');
      const path = { id: application.id };
      const version = application.version;
      if (action.kind === 'start-review') return data(await api.POST('/api/licence-applications/{id}/start-review', { params: { path }, body: { version } }));
      if (action.kind === 'resubmit') return data(await api.POST('/api/licence-applications/{id}/resubmit', { params: { path }, body: { version, ...(action.note ? { note: action.note } : {}) } }));
      return data(await api.POST('/api/licence-applications/{id}/decision', { params: { path }, body: { version, decision: action.decision, ...(action.reason ? { reason: action.reason } : {}) } }));
    },
    onSuccess: (updated) => queryClient.setQueryData(['licence-applications', 'one', updated.id], updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['licence-applications'] }),
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewApplication) => data(await api.POST('/api/licence-applications', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['licence-applications'] }),
  });
}

export const APPLICATION_TONE: Record<ApplicationStatus, 'ok' | 'bad' | 'warn' | 'info' | 'off'> = {
  submitted: 'info',
  resubmitted: 'info',
  under_review: 'warn',
  approved: 'ok',
  refused: 'bad',
  returned: 'warn',
};
