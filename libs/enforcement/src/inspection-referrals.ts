import type { SanctionReferralHandler } from '@app/inspections';
import { CasesService } from './cases.service';

/** An inspection's sanction proposal opens a case on the inspection and its non-compliant findings (or finds the one open). */
export function inspectionReferralHandler(cases: CasesService): SanctionReferralHandler {
  return async (manager, r) => {
    const { id } = await cases.proposeCase(
      {
        agencyId: r.inspection.agencyId,
        licenceId: r.licenceId,
        grounds: [
          { kind: 'inspection', reference: r.inspection.id, note: `Inspection of ${r.inspection.inspectionDate}: ${r.inspection.outcome ?? ''}` },
          ...r.nonCompliantItems.map((code) => ({ kind: 'finding' as const, reference: `${r.inspection.id}/${code}`, note: `Item ${code} non-compliant` })),
        ],
        proposedSanction: r.sanction,
        fineAmount: r.fineAmount === null ? undefined : Math.round(r.fineAmount * 100),
        suspensionDays: r.suspensionDays ?? undefined,
        legalBasis: '人力资源市场暂行条例 / Interim Regulation on the Human Resources Market; inspection findings',
        facts: r.reason ?? `The inspection of ${r.inspection.inspectionDate} found: ${r.nonCompliantItems.join(', ') || r.inspection.outcome}`,
        openedBy: { userId: r.referredBy.userId, username: r.referredBy.username },
        // The inspector who inspected investigated; the bureau admin who referred may still decide.
        investigatingOfficerId: r.inspection.leadInspectorId ?? r.inspection.submittedBy ?? r.referredBy.userId,
      },
      manager,
    );
    return { caseId: id };
  };
}
