import type { SanctionReferralHandler } from '@app/inspections';
import { CaseProposals } from './case-proposals';
import { CaseQueries } from './case-queries';
import { INSPECTION_LEGAL_BASIS, inspectionFacts } from './case-grounds';

/**
 * An inspection's sanction proposal opens a case on the inspection and its non-compliant findings
 * (or finds the one open); the bureau's later call on the inspection revises the case it finds.
 */
export function inspectionReferralHandler(cases: CaseProposals, queries: CaseQueries): SanctionReferralHandler {
  return async (manager, r) => {
    const fineAmount = r.fineAmount === null ? undefined : Math.round(r.fineAmount * 100);
    const suspensionDays = r.suspensionDays ?? undefined;
    const licenceIds = r.licenceId ? [r.licenceId] : undefined;
    const { id, existing } = await cases.proposeCase(
      {
        agencyId: r.inspection.agencyId,
        licenceIds,
        grounds: [
          { kind: 'inspection', reference: r.inspection.id, params: { inspectionDate: r.inspection.inspectionDate } },
          ...r.nonCompliantItems.map((code) => ({ kind: 'finding' as const, reference: `${r.inspection.id}/${code}`, params: { inspectionDate: r.inspection.inspectionDate, itemCode: code } })),
        ],
        proposedSanction: r.sanction,
        fineAmount,
        suspensionDays,
        legalBasis: INSPECTION_LEGAL_BASIS,
        // The inspector's own words when given; otherwise the system states what the inspection found.
        facts: r.reason ?? inspectionFacts(r.inspection.inspectionDate, r.nonCompliantItems, r.inspection.outcome),
        openedBy: { userId: r.referredBy.userId, username: r.referredBy.username },
        // The inspector who inspected investigated; the bureau admin who referred may still decide.
        investigatingOfficerId: r.inspection.leadInspectorId ?? r.inspection.submittedBy ?? r.referredBy.userId,
      },
      manager,
    );
    if (existing && r.revisesCase) await cases.reviseProposal(manager, r.referredBy, id, { proposedSanction: r.sanction, fineAmount, suspensionDays, licenceIds });
    return queries.ref(manager, id);
  };
}
