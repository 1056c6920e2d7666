import type { Detail } from './pending-findings';

/** An open inspection with two checklist items, as GET /inspections/:id answers. */
export function inspectionDetail(overrides: Partial<Detail> = {}, findings: Partial<Detail['findings'][number]>[] = [{}, {}]): Detail {
  return {
    id: 'insp-1',
    version: 1,
    status: 'in_progress',
    findings: findings.map((f, index) => ({ itemCode: `A${index + 1}`, section: 'S', result: null, note: null, evidence: [], ...f })),
    ...overrides,
  } as unknown as Detail;
}
