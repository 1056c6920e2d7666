import type { SanctionReferralHandler } from '@app/inspections';
import { CasesService } from './cases.service';
import { INSPECTION_LEGAL_BASIS, inspectionFacts } from './case-grounds';

/** An inspection's sanction proposal opens a case on the inspection and its non-compliant findings (or finds the one open). */
export function inspectionReferralHandler(cases: CasesService): SanctionReferralHandler {
  return async (manager, r) => {
    const { id } = await cases.proposeCase(
      {
        agencyId: r.inspection.agencyId,
        licenceId: r.licenceId,
        grounds: [
          { kind: 'inspection', reference: r.inspection.id, params: { inspectionDate: r.inspection.inspectionDate } },
          ...r.nonCompliantItems.map((code) => ({ kind: 'finding' as const, reference: `${r.inspection.id}/${code}`, params: { inspectionDate: r.inspection.inspectionDate, itemCode: code } })),
        ],
        proposedSanction: r.sanction,
        fineAmount: r.fineAmount === null ? undefined : Math.round(r.fineAmount * 100),
        suspensionDays: r.suspensionDays ?? undefined,
        legalBasis: INSPECTION_LEGAL_BASIS,
        // The inspector's own words when given; otherwise the system states what the inspection found.
        facts: r.reason ?? inspectionFacts(r.inspection.inspectionDate, r.nonCompliantItems, r.inspection.outcome),
        openedBy: { userId: r.referredBy.userId, username: r.referredBy.username },
        // The inspector who inspected investigated; the bureau admin who referred may still decide.
        investigatingOfficerId: r.inspection.leadInspectorId ?? r.inspection.submittedBy ?? r.referredBy.userId,
      },
      manager,
    );
    return { caseId: id };
  };
}
