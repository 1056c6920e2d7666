import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';
import { useT } from '@/lib/i18n/use-i18n';
import { useKeysetList } from '@/hooks/use-keyset-list';

export type CaseView = components['schemas']['CaseView'];
export type CaseDetail = components['schemas']['CaseDetailView'];
export type CaseStatus = CaseView['status'];
type CaseQuery = NonNullable<operations['listCases']['parameters']['query']>;
type SanctionQuery = NonNullable<operations['listPublicSanctions']['parameters']['query']>;

export function useCases(filter: Pick<CaseQuery, 'status' | 'overdue' | 'agencyId'>) {
  return useKeysetList({
    queryKey: ['cases', filter],
    fetchPage: async (start, signal) => data(await api.GET('/api/cases', { params: { query: { ...filter, limit: 50, ...start } }, signal })),
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: ['case', id], queryFn: async ({ signal }) => data(await api.GET('/api/cases/{id}', { params: { path: { id } }, signal })) });
}

export function usePublicSanctions(filter: Pick<SanctionQuery, 'q' | 'province' | 'from' | 'to'>) {
  return useKeysetList({
    queryKey: ['sanctions', filter],
    fetchPage: async (start, signal) => data(await api.GET('/api/public/sanctions', { params: { query: { ...filter, limit: 20, ...start } }, signal })),
  });
}

export type CaseStep = 'notice' | 'representations' | 'hearing' | 'waiver' | 'decision' | 'appeal' | 'withdraw';

/** One step on a case; the page reloads the case (and the lists) afterwards. */
export function useCaseStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, body }: { step: CaseStep; body: Record<string, unknown> }) =>
      data(await api.POST(`/api/cases/{id}/${step}` as '/api/cases/{id}/notice', { params: { path: { id } }, body: body as never })),
    onSuccess: async (updated) => {
      client.setQueryData(['case', id], updated);
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** The published summary a decision as chosen in the form would get (the form prefills it); none for a sanction that is not published. */
export function usePublishedSummaryDraft(id: string, sanction: string | undefined, fineAmount: number | undefined, suspensionDays: number | undefined) {
  const published = sanction === 'fine' ? !!fineAmount : sanction === 'suspension' ? !!suspensionDays : sanction === 'revocation';
  return useQuery({
    queryKey: ['case', id, 'summary-draft', sanction, fineAmount, suspensionDays],
    enabled: published,
    queryFn: async ({ signal }) =>
      data(
        await api.GET('/api/cases/{id}/published-summary-draft', {
          params: { path: { id }, query: { sanction: sanction as 'fine', ...(sanction === 'fine' ? { fineAmount } : {}), ...(sanction === 'suspension' ? { suspensionDays } : {}) } },
          signal,
        }),
      ),
  });
}

/** The agency's licences in force (active or suspended): those a case may name. */
export function useLicencesInForce(agencyId: string) {
  return useQuery({
    queryKey: ['licences-in-force', agencyId],
    queryFn: async ({ signal }) => {
      const page = data(await api.GET('/api/licences', { params: { query: { agencyId, limit: 100 } }, signal }));
      return page.items.filter((l) => l.status === 'active' || l.status === 'suspended');
    },
  });
}

/** The bureau names the licences a case concerns (before the notice). */
export function useCaseLicences(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { licenceIds: string[]; version: number }) => data(await api.PUT('/api/cases/{id}/licences', { params: { path: { id } }, body })),
    onSuccess: async (updated) => {
      client.setQueryData(['case', id], updated);
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** "人民币 5,000.00 元" / "CNY 5,000.00" from fen. */
export function useSanctionText() {
  const t = useT();
  return (sanction: string | null | undefined, fineAmount?: number | null, suspensionDays?: number | null) => {
    if (!sanction) return '—';
    const name = t.sanctions[`sanction_${sanction}` as 'sanction_fine'] ?? sanction;
    if (sanction === 'fine' && fineAmount) return `${name} ${t.sanctions.fineYuan((fineAmount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }))}`;
    if (sanction === 'suspension' && suspensionDays) return `${name} ${t.sanctions.days(suspensionDays)}`;
    return name;
  };
}

/** Opens a served PDF: the token lives in memory, so the file is fetched and shown from a blob. */
export async function openCaseDocument(caseId: string, documentId: string): Promise<void> {
  const result = await api.GET('/api/cases/{id}/documents/{documentId}', { params: { path: { id: caseId, documentId } }, parseAs: 'blob' });
  const blob = result.data as unknown as Blob;
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
