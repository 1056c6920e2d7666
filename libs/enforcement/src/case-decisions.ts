import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@app/access';
import { addDays, Clock, ProblemException, Problems } from '@app/core';
import { Licence, LicencesService } from '@app/licensing';
import { DecidedSanction, EnforcementCase } from './case.entity';
import { CaseDocuments, sanctionText } from './case-documents';
import { addMonths, decisionOpensOn, heavierThanProposed, isPublicSanction, LITIGATION_MONTHS, RECONSIDERATION_DAYS, sanctionFieldProblems, variationProblems } from './case-rules';
import { applyVariation } from './appeal-variation';
import { CaseLicencesService } from './case-licences.service';
import { AppealRequest, CaseDecisionRequest, CaseDetailView, SummaryDraftQuery } from './cases.dto';
import { Bilingual } from './case-grounds';
import { CaseJobs } from './case-jobs';
import { CaseQueries } from './case-queries';
import { CaseRecords } from './case-records';
import { CaseStepRunner } from './case-step-runner';
import { DemeritPointsService } from './demerit-points.service';
import { publishedSummaryDraft } from './published-summary';
import { SYSTEM } from './system-actor';

/**
 * The decision and the appeal: only a decision by a bureau admin who did not investigate changes
 * the licence, in the decision's own transaction; an appeal's outcome closes the case.
 */
@Injectable()
export class CaseDecisions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licences: LicencesService,
    private readonly clock: Clock,
    private readonly documents: CaseDocuments,
    private readonly points: DemeritPointsService,
    private readonly caseLicences: CaseLicencesService,
    private readonly queries: CaseQueries,
    private readonly records: CaseRecords,
    private readonly steps: CaseStepRunner,
    private readonly upkeep: CaseJobs,
  ) {}

  /**
   * The decision: by a bureau admin who did not investigate, not before the windows close, no
   * heavier than the notice; a suspension or revocation moves the licence in this transaction.
   */
  async decide(actor: Actor, id: string, request: CaseDecisionRequest): Promise<CaseDetailView> {
    const problems = sanctionFieldProblems(request);
    if (problems.length > 0) throw Problems.invalid(problems);
    return this.steps.run(actor, id, 'decision', request, async (manager, c) => {
      if (c.investigatingOfficerId === actor.userId) {
        throw Problems.forbidden('The officer who investigated a case cannot decide it', 'investigator-cannot-decide');
      }
      const today = this.clock.today();
      const opensOn = decisionOpensOn(c);
      if (opensOn && today < opensOn) {
        throw new ProblemException(HttpStatus.CONFLICT, 'decision-too-early', `No decision before ${opensOn}: the agency's windows are open until ${addDays(opensOn, -1)}`, {
          currentStatus: c.status,
          decisionOpensOn: opensOn,
        });
      }
      if (heavierThanProposed(c, request)) {
        const field = request.sanction !== c.proposedSanction ? 'sanction' : request.sanction === 'fine' ? 'fineAmount' : 'suspensionDays';
        throw Problems.invalid([{ field, message: 'a decision may not be heavier than the notice proposed' }]);
      }
      const sanctioned = await this.applyToLicences(manager, c, request, today);
      const summary = isPublicSanction({ decidedSanction: request.sanction, appealOutcome: null }) ? await this.publishedSummary(manager, c, request, today) : null;
      return {
        changes: {
          decidedSanction: request.sanction,
          decidedFineAmount: request.fineAmount ?? null,
          decidedSuspensionDays: request.suspensionDays ?? null,
          decisionReasons: request.reasons,
          decidingOfficerId: actor.userId,
          publishedSummaryZh: summary?.zh ?? null,
          publishedSummaryEn: summary?.en ?? null,
          decidedAt: this.clock.now(),
          effectiveOn: today,
          reconsiderationDueOn: addDays(today, RECONSIDERATION_DAYS),
          litigationDueOn: addMonths(today, LITIGATION_MONTHS),
          sanctionedLicenceIds: sanctioned.map((l) => l.id),
        },
        details: { sanction: request.sanction, fineAmount: request.fineAmount, suspensionDays: request.suspensionDays, licences: sanctioned.map((l) => l.licenceNumber) },
        after: async (updated) => {
          await this.points.awardForCase(manager, updated, today);
          await this.records.storeDocument(manager, updated, 'decision', await this.documents.decision(updated, await this.records.parties(manager, updated)));
          await this.records.tellAgency(manager, updated, 'case.decided', {
            sanction: sanctionText(request.sanction, updated.decidedFineAmount, updated.decidedSuspensionDays).join(' / '),
            reconsiderationDueOn: updated.reconsiderationDueOn,
            litigationDueOn: updated.litigationDueOn,
          });
          if (isPublicSanction(updated)) await this.records.announce(manager, updated);
          await this.upkeep.regrade(manager, updated.agencyId);
        },
      };
    });
  }

  /** The draft of the published summary of a decision taken today as asked (the decision form prefills it). */
  async summaryDraft(actor: Actor, id: string, query: SummaryDraftQuery): Promise<Bilingual> {
    const problems = sanctionFieldProblems(query);
    if (problems.length > 0) throw Problems.invalid(problems);
    const c = await this.queries.get(actor, id, this.dataSource.manager);
    return this.draft(this.dataSource.manager, c, query, this.clock.today());
  }

  /** The summary the deciding official wrote, or the draft when they accepted it (sent none). */
  private async publishedSummary(manager: EntityManager, c: EnforcementCase, request: CaseDecisionRequest, today: string): Promise<Bilingual> {
    if (request.publishedSummaryZh !== undefined && request.publishedSummaryEn !== undefined) return { zh: request.publishedSummaryZh, en: request.publishedSummaryEn };
    if (request.publishedSummaryZh !== undefined || request.publishedSummaryEn !== undefined) {
      const field = request.publishedSummaryZh === undefined ? 'publishedSummaryZh' : 'publishedSummaryEn';
      throw Problems.invalid([{ field, message: 'the published summary is written in both languages (or both left to the draft)' }]);
    }
    return this.draft(manager, c, request, today);
  }

  private async draft(manager: EntityManager, c: EnforcementCase, sanction: Pick<CaseDecisionRequest, 'sanction' | 'fineAmount' | 'suspensionDays'>, today: string): Promise<Bilingual> {
    if (sanction.sanction !== 'fine' && sanction.sanction !== 'suspension' && sanction.sanction !== 'revocation') {
      throw Problems.invalid([{ field: 'sanction', message: 'only a fine, a suspension or a revocation is published' }]);
    }
    const parties = await this.records.parties(manager, c);
    return publishedSummaryDraft({
      agencyNameZh: parties.agencyNameZh,
      agencyNameEn: parties.agencyNameEn,
      uscc: parties.uscc,
      legalBasis: c.legalBasis,
      legalBasisEn: c.legalBasisEn,
      sanction: sanction.sanction,
      fineAmount: sanction.fineAmount ?? null,
      suspensionDays: sanction.suspensionDays ?? null,
      effectiveOn: today,
    });
  }

  /**
   * An appeal's outcome closes the case. `annulled` gives the licences back and takes the sanction
   * off the public list; `varied` puts the appeal body's sanction in place of the decided one (the
   * licences, the points, the grade and the public list follow). Lodged on or after the decision,
   * decided no later than today.
   */
  async appeal(actor: Actor, id: string, request: AppealRequest): Promise<CaseDetailView> {
    const problems = appealFieldProblems(request, this.clock.today());
    if (problems.length > 0) throw Problems.invalid(problems);
    return this.steps.run(actor, id, 'appeal', request, async (manager, c) => {
      const decidedOn = c.effectiveOn as string;
      if (request.lodgedOn < decidedOn) throw Problems.invalid([{ field: 'lodgedOn', message: `lodgedOn must be on or after the decision of ${decidedOn}` }]);
      if (request.outcome === 'varied') {
        const invalid = variationProblems(c, { sanction: request.sanction as DecidedSanction, fineAmount: request.fineAmount, suspensionDays: request.suspensionDays });
        if (invalid.length > 0) throw Problems.invalid(invalid);
      }
      const today = this.clock.today();
      const restored: string[] = [];
      if (request.outcome === 'annulled') {
        for (const licenceId of c.sanctionedLicenceIds) {
          const licence = await this.licences.get(SYSTEM, licenceId, manager);
          if (licence.status !== 'suspended' && licence.status !== 'revoked') continue;
          await this.licences.applyTransition(manager, licence, 'restore', `Case ${c.caseNumber}: the decision was annulled on ${request.body} (${request.decidedOn})`, {
            details: { caseId: c.id, caseNumber: c.caseNumber, appeal: { body: request.body, outcome: request.outcome, decidedOn: request.decidedOn } },
          });
          restored.push(licence.licenceNumber);
        }
      }
      const variation = request.outcome === 'varied' ? await applyVariation(manager, this.licences, SYSTEM, c, request, today) : null;
      // A varied sanction is published in its new words; one no longer published (a warning) leaves the list.
      const variedSummary =
        variation && isPublicSanction({ decidedSanction: variation.sanction, appealOutcome: null })
          ? await this.draft(manager, c, { sanction: variation.sanction, fineAmount: variation.fineAmount ?? undefined, suspensionDays: variation.suspensionDays ?? undefined }, c.effectiveOn ?? today)
          : null;
      return {
        changes: {
          appealBody: request.body,
          appealLodgedOn: request.lodgedOn,
          appealOutcome: request.outcome,
          appealDecidedOn: request.decidedOn,
          appealNote: request.note ?? null,
          closedAt: this.clock.now(),
          ...(variation
            ? {
                decidedSanction: variation.sanction,
                decidedFineAmount: variation.fineAmount,
                decidedSuspensionDays: variation.suspensionDays,
                sanctionedLicenceIds: variation.sanctionedLicenceIds,
                publishedSummaryZh: variedSummary?.zh ?? null,
                publishedSummaryEn: variedSummary?.en ?? null,
              }
            : {}),
        },
        details: {
          body: request.body,
          outcome: request.outcome,
          decidedOn: request.decidedOn,
          restored: variation ? variation.restored : restored,
          ...(variation
            ? {
                varied: {
                  from: { sanction: c.decidedSanction, fineAmount: c.decidedFineAmount, suspensionDays: c.decidedSuspensionDays },
                  to: { sanction: variation.sanction, fineAmount: variation.fineAmount, suspensionDays: variation.suspensionDays },
                },
                resuspended: variation.resuspended,
              }
            : {}),
        },
        after: async (updated) => {
          if (request.outcome === 'annulled') await this.points.voidForCase(manager, c.id);
          if (request.outcome === 'varied') await this.points.revalueForCase(manager, updated);
          if (request.outcome !== 'upheld') {
            // The list drops the old entry's licences and shows the new one's (the union is announced).
            await this.records.announce(manager, { ...updated, sanctionedLicenceIds: [...new Set([...c.sanctionedLicenceIds, ...updated.sanctionedLicenceIds])] });
            await this.upkeep.regrade(manager, updated.agencyId);
          }
          await this.records.tellAgency(manager, updated, 'case.appeal_recorded', {
            outcome: request.outcome,
            body: request.body,
            ...(variation ? { sanction: sanctionText(variation.sanction, variation.fineAmount, variation.suspensionDays).join(' / ') } : {}),
          });
        },
      };
    });
  }

  /** A suspension or revocation reaches the licences the case names, and no other. */
  private async applyToLicences(manager: EntityManager, c: EnforcementCase, request: CaseDecisionRequest, today: string): Promise<Licence[]> {
    if (request.sanction !== 'suspension' && request.sanction !== 'revocation') return [];
    const action = request.sanction === 'suspension' ? 'suspend' : 'revoke';
    const until = action === 'suspend' ? addDays(today, (request.suspensionDays as number) - 1) : undefined;
    const changed: Licence[] = [];
    for (const licence of await this.caseLicences.reachable(manager, c.id, request.sanction)) {
      changed.push(await this.licences.applyTransition(manager, licence, action, `Case ${c.caseNumber}: ${request.reasons}`, { until, details: { caseId: c.id, caseNumber: c.caseNumber } }));
    }
    return changed;
  }
}

/** The appeal's own fields: its dates in order and not in the future; a sanction only with `varied`, and then with its amount or days. */
function appealFieldProblems(request: AppealRequest, today: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (request.decidedOn < request.lodgedOn) problems.push({ field: 'decidedOn', message: 'decidedOn must not be before lodgedOn' });
  if (request.decidedOn > today) problems.push({ field: 'decidedOn', message: 'decidedOn must be today or earlier' });
  if (request.outcome === 'varied') {
    if (!request.sanction) problems.push({ field: 'sanction', message: 'a varied outcome names the sanction put in place of the decided one' });
    else problems.push(...sanctionFieldProblems({ sanction: request.sanction, fineAmount: request.fineAmount, suspensionDays: request.suspensionDays }));
  } else {
    for (const field of ['sanction', 'fineAmount', 'suspensionDays'] as const) {
      if (request[field] !== undefined) problems.push({ field, message: `${field} is for a varied outcome only` });
    }
  }
  return problems;
}
