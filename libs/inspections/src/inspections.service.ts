import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { ChecklistItem, ChecklistsService, ChecklistTexts, itemView, Language } from '@app/checklists';
import { addDays, byCreation, checkVersion, Clock, csvExport, deadlineEn, deadlineZh, fetchView, fetchViews, FieldProblem, Page, paginateViews, Problems, updateVersionedAndRead } from '@app/core';
import type { Readable } from 'node:stream';
import { streamViews } from '@app/database';
import { INSPECTION_EXPORT_COLUMNS } from './inspection-export';
import { UsersService } from '@app/auth';
import { BureausService } from '@app/jurisdictions';
import { AgencyNotice, NotificationsService } from '@app/notifications';
import { Addendum, CorrectiveAction, Finding, Inspection, InspectionType } from './inspection.entity';
import { CaseRef, SanctionReferrals } from './sanction-referrals';
import { CORRECTIVE_ACTION_DAYS, FOLLOW_UP_AFTER_DAYS, sanctionFieldProblems } from './inspection-rules';
import { AddendumRequest, AssignLeadInspectorRequest, CancelInspectionRequest, InspectionAssigneeView, CreateInspectionRequest, InspectionDetailView, InspectionPreviewView, InspectionQuery, InspectionView, InspectionWithCaseView, PutFindingsRequest, SubmitInspectionRequest } from './inspections.dto';
import { INSPECTION_NAMES } from './inspection-views';
import { ComplaintLinks } from './complaint-links';
import { RiskService } from './risk/risk.service';
import { MINOR_ISSUES_MAX_POINTS, scoreInspection } from './scoring';

export const INSPECTION_SCOPE = { jurisdiction: 'i.jurisdiction_code', agency: 'i.agency_id' };

@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly checklists: ChecklistsService,
    private readonly audit: AuditService,
    private readonly risk: RiskService,
    private readonly complaintLinks: ComplaintLinks,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly referrals: SanctionReferrals,
    private readonly bureaus: BureausService,
    private readonly checklistTexts: ChecklistTexts,
  ) {}

  /** Each agency's latest submitted inspection (outcome and date): credit grades read it. All agencies when `agencyIds` is null. */
  async lastOutcomes(agencyIds: string[] | null, manager: EntityManager = this.dataSource.manager): Promise<Map<string, { outcome: string; inspectionDate: string }>> {
    const rows = (await manager.query(
      `SELECT DISTINCT ON (agency_id) agency_id AS "agencyId", outcome, inspection_date::text AS "inspectionDate"
         FROM inspections
        WHERE status IN ('submitted', 'closed') AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))
        ORDER BY agency_id, inspection_date DESC, submitted_at DESC`,
      [agencyIds],
    )) as { agencyId: string; outcome: string; inspectionDate: string }[];
    return new Map(rows.map((r) => [r.agencyId, { outcome: r.outcome, inspectionDate: r.inspectionDate }]));
  }

  /** One query per page: the names are joined in (INSPECTION_NAMES). */
  list(actor: Actor, query: InspectionQuery): Promise<Page<InspectionView>> {
    return paginateViews(this.filtered(actor, query), query, byCreation('i'), INSPECTION_NAMES).then((page) => ({ ...page, items: page.items.map((i) => forReader(actor, i)) }));
  }

  /** Every inspection of the list in the caller's scope and filters, newest first, as CSV in the reader's language (streamed; the export audited). */
  async exportCsv(actor: Actor, query: InspectionQuery, language: Language): Promise<Readable> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    await this.audit.record(this.dataSource.manager, { action: 'inspection.export', entityType: 'inspection', after: { filters, language } });
    const rows = streamViews(this.dataSource, this.filtered(actor, query).orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC'), INSPECTION_NAMES);
    async function* views(): AsyncGenerator<InspectionView> {
      for await (const row of rows) yield forReader(actor, row);
    }
    return csvExport(INSPECTION_EXPORT_COLUMNS, views(), language);
  }

  private filtered(actor: Actor, query: InspectionQuery) {
    const qb = this.scoped(actor, this.dataSource.manager);
    if (query.agencyId) qb.andWhere('i.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.outcome) qb.andWhere('i.outcome = :outcome', { outcome: query.outcome });
    if (query.complaintId) qb.andWhere('i.complaint_id = :complaintId', { complaintId: query.complaintId });
    if (query.jurisdiction) qb.andWhere('i.jurisdiction_code LIKE :jurisdiction', { jurisdiction: `${query.jurisdiction}%` });
    // The queue of planned inspections nobody leads yet (the system's plans an admin assigns from).
    if (query.unassigned) qb.andWhere(`i.lead_inspector_id IS NULL AND i.status = 'planned'`);
    return qb;
  }

  /** An inspection with its agency, lead inspector and bureau by name; 404 out of scope. */
  async view(actor: Actor, id: string): Promise<InspectionView> {
    const inspection = await fetchView(this.scoped(actor, this.dataSource.manager).andWhere('i.id = :id', { id }), INSPECTION_NAMES);
    if (!inspection) throw Problems.notFound('Inspection', id);
    return forReader(actor, inspection);
  }

  /** The inspection if the actor may see it; 404 otherwise. */
  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Inspection> {
    const inspection = await this.scoped(actor, manager).andWhere('i.id = :id', { id }).getOne();
    if (!inspection) throw Problems.notFound('Inspection', id);
    return inspection;
  }

  /**
   * Inspections the actor may see. An agency sees its own once submitted: a planned visit may be
   * unannounced, and findings in progress are not yet the inspector's word.
   */
  private scoped(actor: Actor, manager: EntityManager) {
    const qb = applyScope(manager.createQueryBuilder(Inspection, 'i'), actor, INSPECTION_SCOPE);
    if (actor.role === 'agency_user') qb.andWhere(`i.status IN ('submitted', 'closed')`);
    return qb;
  }

  /** For the agency profile: its latest inspections, newest first (for an agency, the submitted ones). */
  ofAgency(agencyId: string, actor: Actor): Promise<InspectionView[]> {
    return fetchViews(
      this.scoped(actor, this.dataSource.manager).andWhere('i.agency_id = :agencyId', { agencyId }).orderBy('i.inspection_date', 'DESC').addOrderBy('i.created_at', 'DESC').limit(50),
      INSPECTION_NAMES,
    ).then((views) => views.map((i) => forReader(actor, i)));
  }

  async detail(actor: Actor, id: string, language: Language): Promise<InspectionDetailView> {
    const inspection = await this.view(actor, id);
    const [{ items }, findings, addenda, correctiveActions, referred] = await Promise.all([
      this.checklists.get(inspection.templateId),
      this.dataSource.getRepository(Finding).findBy({ inspectionId: id }),
      this.dataSource.getRepository(Addendum).find({ where: { inspectionId: id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(CorrectiveAction).find({ where: { inspectionId: id }, order: { createdAt: 'ASC', itemCode: 'ASC' } }),
      this.referrals.caseOf(actor, id),
    ]);
    const byCode = new Map(findings.map((f) => [f.itemCode, f]));
    const describe = await this.checklistTexts.describer();
    return {
      ...inspection,
      case: referred,
      findings: items.map((item) => {
        const finding = byCode.get(item.code);
        const { code, ...texts } = itemView(item, language, describe);
        return {
          itemCode: code,
          ...texts,
          result: finding?.result ?? null,
          note: finding?.note ?? null,
          evidence: finding?.evidence ?? [],
        };
      }),
      addenda,
      // Same agency as the inspection: its names are the inspection's.
      correctiveActions: correctiveActions.map((action) => {
        const { breachZh, breachEn } = describe({ code: action.itemCode, legalBasis: null });
        return { ...action, agencyNameZh: inspection.agencyNameZh, agencyNameEn: inspection.agencyNameEn, licenceNumbers: inspection.licenceNumbers, breachZh, breachEn };
      }),
    };
  }

  /**
   * The score and outcome submitting would give, from the findings as saved: the same rule as
   * submit (an item without a finding counts as not_checked), so a page shows it without one of its own.
   */
  async preview(actor: Actor, id: string): Promise<InspectionPreviewView> {
    const inspection = await this.get(actor, id);
    const [{ items }, findings] = await Promise.all([this.checklists.get(inspection.templateId), this.dataSource.getRepository(Finding).findBy({ inspectionId: id })]);
    const resultOf = new Map(findings.map((f) => [f.itemCode, f.result]));
    const scored = items.map((item) => ({ code: item.code, criticality: item.criticality, points: item.points, result: resultOf.get(item.code) ?? ('not_checked' as const) }));
    return {
      version: inspection.version,
      ...scoreInspection(scored),
      criticalFailures: scored.filter((i) => i.criticality === 'critical' && i.result === 'non_compliant').map((i) => i.code),
      minorIssuesMaxPoints: MINOR_ISSUES_MAX_POINTS,
      notChecked: scored.filter((i) => i.result === 'not_checked').length,
      nonCompliant: scored.filter((i) => i.result === 'non_compliant').length,
    };
  }

  async create(actor: Actor, request: CreateInspectionRequest): Promise<InspectionView> {
    if (request.type === 'commitment_check') throw Problems.invalid([{ field: 'type', message: 'a commitment check is planned by the approval of a commitment-based application' }]);
    const created = await this.dataSource.transaction(async (manager) => {
      const agency = await this.agencies.get(actor, request.agencyId, manager);
      if (request.complaintId) await this.complaintLinks.assertLinkable(actor, request.complaintId, agency.id, manager);
      const { template } = await this.checklists.forUse('inspection', request.templateId, manager);
      const leadInspectorId = request.leadInspectorId ?? (actor.role === 'inspector' ? actor.userId : null);
      if (request.leadInspectorId) {
        const officers = await this.users.assignableOfficers(actor, agency.jurisdictionCode, manager);
        if (!officers.some((o) => o.id === request.leadInspectorId)) {
          throw Problems.invalid([{ field: 'leadInspectorId', message: 'the lead inspector must be an active officer of a bureau in your jurisdiction that covers the agency' }]);
        }
      }
      const inspection = await manager.save(
        manager.create(Inspection, {
          agencyId: agency.id,
          jurisdictionCode: agency.jurisdictionCode,
          type: request.type,
          status: 'planned',
          inspectionDate: request.inspectionDate,
          templateId: template.id,
          leadInspectorId,
          bureauId: actor.bureauId,
          complaintId: request.complaintId ?? null,
          notes: request.notes ?? null,
          noteToAgency: request.noteToAgency ?? null,
        }),
      );
      await this.audit.record(manager, { action: 'inspection.create', entityType: 'inspection', entityId: inspection.id, after: inspection });
      if (leadInspectorId && leadInspectorId !== actor.userId) await this.tellLeadInspector(manager, inspection, agency, actor.username);
      return inspection;
    });
    return this.view(actor, created.id);
  }

  /**
   * Plans the on-site verification of a licence approved on the applicant's commitment, in the
   * approval's transaction: the newest published inspection checklist, on the due date, for the
   * approving bureau. Answers the planned inspection.
   */
  async planCommitmentCheck(
    manager: EntityManager,
    input: { agencyId: string; jurisdictionCode: string; bureauId: string | null; reachPrefix: string; dueOn: string; licenceNumber: string; plannedBy: string },
  ): Promise<Inspection> {
    return this.planBySystem(manager, input, {
      type: 'commitment_check',
      inspectionDate: input.dueOn,
      notes: bilingualNote(`许可证 ${input.licenceNumber} 告知承诺的现场核查，须于 ${deadlineZh(input.dueOn)}完成`, `On-site verification of the commitment behind licence ${input.licenceNumber}, due ${deadlineEn(input.dueOn)}`),
      action: 'inspection.plan_commitment_check',
    });
  }

  /**
   * Plans the surveillance inspection of an agency that entered credit grade C, for the bureau
   * governing its division (its city's, else its province's), due by `dueOn`.
   */
  async planSurveillance(manager: EntityManager, input: { agencyId: string; jurisdictionCode: string; gradeSince: string; dueOn: string }): Promise<Inspection | null> {
    const bureau = await this.bureaus.findGoverning(input.jurisdictionCode, manager);
    if (!bureau) return null;
    return this.planBySystem(
      manager,
      { ...input, bureauId: bureau.id, reachPrefix: this.bureaus.scopeOf(bureau), plannedBy: 'system' },
      {
        type: 'surveillance',
        inspectionDate: input.dueOn,
        notes: bilingualNote(`自 ${input.gradeSince} 起信用等级为 C：列入重点监管`, `Credit grade C since ${input.gradeSince}: under surveillance`),
        action: 'inspection.plan_surveillance',
      },
    );
  }

  /**
   * An inspection the system plans, led by the inspector who handles the agency's city: the only
   * active inspector of the nearest bureau within `reachPrefix` that covers it (its city's bureau
   * before its province's). With none or several there, it waits unassigned in the bureau's
   * queue (`GET /inspections?unassigned=true`) for an admin to assign. The lead is told.
   */
  private async planBySystem(
    manager: EntityManager,
    input: { agencyId: string; jurisdictionCode: string; bureauId: string | null; reachPrefix: string; plannedBy: string },
    plan: { type: InspectionType; inspectionDate: string; notes: string; action: string },
  ): Promise<Inspection> {
    const { template } = await this.checklists.forUse('inspection', undefined, manager);
    const inspectors = (await this.users.officersCovering(input.reachPrefix, input.jurisdictionCode, manager)).filter((o) => o.role === 'inspector');
    const nearest = inspectors.filter((o) => o.bureauId === inspectors[0]?.bureauId);
    const inspection = await manager.save(
      manager.create(Inspection, {
        agencyId: input.agencyId,
        jurisdictionCode: input.jurisdictionCode,
        type: plan.type,
        status: 'planned',
        inspectionDate: plan.inspectionDate,
        templateId: template.id,
        leadInspectorId: nearest.length === 1 ? nearest[0].id : null,
        bureauId: input.bureauId,
        notes: plan.notes,
      }),
    );
    await this.audit.record(manager, { action: plan.action, entityType: 'inspection', entityId: inspection.id, after: inspection });
    const [agency] = await this.agencies.findByIds([input.agencyId], manager);
    await this.tellLeadInspector(manager, inspection, agency, input.plannedBy);
    return inspection;
  }

  /** Tells the lead inspector the inspection is theirs (once per inspection and inspector). */
  private async tellLeadInspector(manager: EntityManager, inspection: Inspection, agency: { nameZh: string; nameEn: string | null }, assignedBy: string): Promise<void> {
    if (!inspection.leadInspectorId) return;
    await this.notifications.notifyUser(manager, {
      kind: 'inspection.assigned',
      userId: inspection.leadInspectorId,
      dedupKey: `inspection.assigned:${inspection.id}`,
      payload: {
        inspectionId: inspection.id,
        inspectionDate: inspection.inspectionDate,
        inspectionType: inspection.type,
        agencyId: inspection.agencyId,
        agencyNameZh: agency.nameZh,
        agencyNameEn: agency.nameEn,
        notes: inspection.notes,
        assignedBy,
      },
    });
  }

  /** Replaces the whole set of findings: every checklist item exactly once, nothing else. */
  async putFindings(actor: Actor, id: string, request: PutFindingsRequest, language: Language = 'zh-CN'): Promise<InspectionDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.get(actor, id, manager);
      assertEditable(inspection);
      checkVersion(inspection, request.version, 'Inspection');
      const { items } = await this.checklists.get(inspection.templateId, manager);
      const problems = findingSetProblems(items, request.findings.map((f) => f.itemCode));
      if (problems.length > 0) throw Problems.invalid(problems);
      const before = await manager.findBy(Finding, { inspectionId: id });
      await this.bumpVersion(manager, inspection, { status: 'in_progress' });
      await manager.delete(Finding, { inspectionId: id });
      const findings = request.findings.map((f) =>
        manager.create(Finding, { inspectionId: id, itemCode: f.itemCode, result: f.result, note: f.note ?? null, evidence: f.evidence ?? [] }),
      );
      await manager.insert(Finding, findings);
      await this.audit.record(manager, { action: 'inspection.findings', entityType: 'inspection', entityId: id, before, after: findings });
    });
    return this.detail(actor, id, language);
  }

  /**
   * Scores the findings, fixes them for good, opens a corrective action per non-compliant item,
   * records the sanction proposal, and for a serious violation plans the follow-up visit.
   */
  async submit(actor: Actor, id: string, request: SubmitInspectionRequest): Promise<InspectionWithCaseView> {
    const proposal = request.sanctionProposal ?? { sanction: 'none' as const };
    const problems = sanctionFieldProblems('sanctionProposal.', proposal);
    if (problems.length > 0) throw Problems.invalid(problems);
    const referred = await this.dataSource.transaction(async (manager) => {
      const inspection = await this.get(actor, id, manager);
      if (inspection.status !== 'in_progress') throw Problems.illegalTransition('Inspection', inspection.status, 'submitted');
      checkVersion(inspection, request.version, 'Inspection');
      // One connection per transaction: its queries run one after another.
      const { items } = await this.checklists.get(inspection.templateId, manager);
      const findings = await manager.findBy(Finding, { inspectionId: id });
      const itemByCode = new Map(items.map((i) => [i.code, i]));
      const scored = findings.map((f) => ({ finding: f, item: itemByCode.get(f.itemCode) as ChecklistItem }));
      const { score, violationPoints, outcome } = scoreInspection(scored.map(({ finding, item }) => ({ criticality: item.criticality, points: item.points, result: finding.result })));
      const now = this.clock.now();
      const today = this.clock.today();
      const submitted = await this.bumpVersion(manager, inspection, {
        status: 'submitted',
        score,
        violationPoints,
        outcome,
        submittedAt: now,
        submittedBy: actor.userId,
        sanctionProposal: proposal.sanction,
        proposedFineAmount: proposal.fineAmount ?? null,
        proposedSuspensionDays: proposal.suspensionDays ?? null,
        sanctionProposalReason: 'reason' in proposal ? (proposal.reason ?? null) : null,
        ...(request.noteToAgency !== undefined ? { noteToAgency: request.noteToAgency } : {}),
      });
      const describe = await this.checklistTexts.describer();
      const actions = scored
        .filter(({ finding }) => finding.result === 'non_compliant')
        .map(({ finding, item }) => ({ finding, item, breach: describe(item) }))
        .map(({ finding, item, breach }) =>
          manager.create(CorrectiveAction, {
            inspectionId: id,
            agencyId: inspection.agencyId,
            jurisdictionCode: inspection.jurisdictionCode,
            itemCode: item.code,
            // The problem to correct is what failed, not the item's compliant wording.
            description: `${breach.breachZh ?? item.textZh} / ${breach.breachEn ?? item.textEn}${finding.note ? ` — ${finding.note}` : ''}`,
            dueOn: addDays(today, CORRECTIVE_ACTION_DAYS[item.criticality]),
            status: 'open',
          }),
        );
      if (actions.length > 0) await manager.insert(CorrectiveAction, actions);
      await this.audit.record(manager, { action: 'inspection.submit', entityType: 'inspection', entityId: id, before: inspection, after: { ...submitted, correctiveActions: actions.map((a) => a.itemCode) } });
      await this.tellAgencyOfSubmission(manager, submitted, actions);
      if (outcome === 'serious_violation') await this.planFollowUp(manager, actor, submitted, addDays(today, FOLLOW_UP_AFTER_DAYS));
      // The proposal opens an enforcement case; the licence changes only on its decision.
      let opened: CaseRef | null = null;
      if (proposal.sanction !== 'none') {
        opened = await this.referrals.refer(manager, {
          inspection: submitted,
          sanction: proposal.sanction,
          fineAmount: proposal.fineAmount ?? null,
          suspensionDays: proposal.suspensionDays ?? null,
          reason: 'reason' in proposal ? (proposal.reason ?? null) : null,
          licenceId: 'licenceId' in proposal ? proposal.licenceId : undefined,
          nonCompliantItems: scored.filter(({ finding }) => finding.result === 'non_compliant').map(({ item }) => item.code),
          referredBy: actor,
        });
      }
      await this.risk.recompute(manager, [inspection.agencyId]);
      return opened;
    });
    return { ...(await this.view(actor, id)), case: referred };
  }

  /** The agency learns the outcome, and which corrective actions it must take by when. */
  private async tellAgencyOfSubmission(manager: EntityManager, inspection: Inspection, actions: CorrectiveAction[]): Promise<void> {
    const about = { inspectionId: inspection.id, inspectionDate: inspection.inspectionDate, inspectionType: inspection.type };
    const notices: AgencyNotice[] = [
      {
        kind: 'inspection.submitted',
        agencyId: inspection.agencyId,
        dedupKey: `inspection.submitted:${inspection.id}`,
        payload: { ...about, outcome: inspection.outcome, score: inspection.score, correctiveActions: actions.length },
      },
    ];
    if (actions.length > 0) {
      const byDue = [...actions].sort((a, b) => (a.dueOn === b.dueOn ? (a.itemCode < b.itemCode ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
      notices.push({
        kind: 'corrective_actions.set',
        agencyId: inspection.agencyId,
        dedupKey: `corrective_actions.set:${inspection.id}`,
        payload: { ...about, count: actions.length, firstDueOn: byDue[0].dueOn, actions: byDue.map((a) => ({ itemCode: a.itemCode, dueOn: a.dueOn })) },
      });
    }
    await this.notifications.notifyAgencies(manager, notices);
  }

  /** The officers who may lead the inspection (the admin picks one of them). */
  async assignees(actor: Actor, id: string): Promise<InspectionAssigneeView[]> {
    const inspection = await this.get(actor, id);
    return this.users.assignableOfficers(actor, inspection.jurisdictionCode);
  }

  /** A bureau admin gives a planned inspection its lead (the queue of unassigned ones); the lead is told. */
  async assignLead(actor: Actor, id: string, request: AssignLeadInspectorRequest): Promise<InspectionView> {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.get(actor, id, manager);
      if (inspection.status !== 'planned') throw Problems.illegalTransition('Inspection', inspection.status, 'planned');
      checkVersion(inspection, request.version, 'Inspection');
      const officers = await this.users.assignableOfficers(actor, inspection.jurisdictionCode, manager);
      if (!officers.some((o) => o.id === request.leadInspectorId)) {
        throw Problems.invalid([{ field: 'leadInspectorId', message: 'the lead inspector must be an active officer of a bureau in your jurisdiction that covers the agency' }]);
      }
      const assigned = await this.bumpVersion(manager, inspection, { leadInspectorId: request.leadInspectorId });
      await this.audit.record(manager, { action: 'inspection.assign_lead', entityType: 'inspection', entityId: id, before: inspection, after: assigned });
      const [agency] = await this.agencies.findByIds([inspection.agencyId], manager);
      if (request.leadInspectorId !== actor.userId) await this.tellLeadInspector(manager, assigned, agency, actor.username);
    });
    return this.view(actor, id);
  }

  /** Calls off a visit that has not been submitted; its findings so far stay, unscored. */
  async cancel(actor: Actor, id: string, request: CancelInspectionRequest): Promise<InspectionView> {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.get(actor, id, manager);
      if (inspection.status !== 'planned' && inspection.status !== 'in_progress') throw Problems.illegalTransition('Inspection', inspection.status, 'cancelled');
      checkVersion(inspection, request.version, 'Inspection');
      const cancelled = await this.bumpVersion(manager, inspection, { status: 'cancelled', cancelReason: request.reason });
      await this.audit.record(manager, { action: 'inspection.cancel', entityType: 'inspection', entityId: id, before: inspection, after: cancelled });
    });
    return this.view(actor, id);
  }

  /** A correction or remark on a submitted inspection: recorded beside the findings, which stay as submitted. */
  async addAddendum(actor: Actor, id: string, request: AddendumRequest): Promise<Addendum> {
    return this.dataSource.transaction(async (manager) => {
      const inspection = await this.get(actor, id, manager);
      if (inspection.status !== 'submitted' && inspection.status !== 'closed') {
        throw Problems.conflict('not-submitted', `Inspection is ${inspection.status}: change its findings instead of adding an addendum`, { currentStatus: inspection.status });
      }
      if (request.correctedResult && !request.itemCode) throw Problems.invalid([{ field: 'itemCode', message: 'a corrected result names its itemCode' }]);
      if (request.itemCode) {
        const { items } = await this.checklists.get(inspection.templateId, manager);
        if (!items.some((i) => i.code === request.itemCode)) throw Problems.invalid([{ field: 'itemCode', message: `${request.itemCode} is not an item of this inspection's checklist` }]);
      }
      const addendum = await manager.save(
        manager.create(Addendum, {
          inspectionId: id,
          itemCode: request.itemCode ?? null,
          correctedResult: request.correctedResult ?? null,
          note: request.note,
          authorId: actor.userId,
          authorUsername: actor.username,
        }),
      );
      await this.audit.record(manager, { action: 'inspection.addendum', entityType: 'inspection', entityId: id, after: addendum });
      return addendum;
    });
  }

  private async planFollowUp(manager: EntityManager, actor: Actor, inspection: Inspection, on: string): Promise<void> {
    const followUp = await manager.save(
      manager.create(Inspection, {
        agencyId: inspection.agencyId,
        jurisdictionCode: inspection.jurisdictionCode,
        type: 'follow_up',
        status: 'planned',
        inspectionDate: on,
        templateId: inspection.templateId,
        leadInspectorId: inspection.leadInspectorId,
        bureauId: inspection.bureauId,
        complaintId: inspection.complaintId,
        followUpOfId: inspection.id,
        notes: `Follow-up of the serious violation found on ${inspection.inspectionDate}`,
      }),
    );
    await this.audit.record(manager, { action: 'inspection.plan_follow_up', entityType: 'inspection', entityId: followUp.id, after: followUp });
    if (followUp.leadInspectorId && followUp.leadInspectorId !== actor.userId) {
      await this.tellLeadInspector(manager, followUp, await this.agencies.get(actor, followUp.agencyId, manager), actor.username);
    }
  }

  /** Writes changes only if nobody else has since the read (version and status as read). */
  async bumpVersion(manager: EntityManager, inspection: Inspection, changes: Partial<Inspection>): Promise<Inspection> {
    return updateVersionedAndRead(manager, Inspection, inspection, changes, 'Inspection', { sql: 'status = :status', parameters: { status: inspection.status } });
  }
}

function assertEditable(inspection: Inspection): void {
  if (inspection.status === 'planned' || inspection.status === 'in_progress') return;
  throw Problems.conflict('findings-immutable', `Inspection is ${inspection.status}: its findings are fixed; add an addendum to correct them`, {
    currentStatus: inspection.status,
  });
}

/** Unknown, duplicate and missing item codes, each a field-level problem. */
export function findingSetProblems(items: Pick<ChecklistItem, 'code'>[], given: string[]): FieldProblem[] {
  const known = new Set(items.map((i) => i.code));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  given.forEach((code, index) => {
    if (!known.has(code)) problems.push({ field: `findings[${index}].itemCode`, message: `${code} is not an item of this inspection's checklist` });
    else if (seen.has(code)) problems.push({ field: `findings[${index}].itemCode`, message: `${code} is given more than once` });
    seen.add(code);
  });
  const missing = items.map((i) => i.code).filter((code) => !seen.has(code));
  if (missing.length > 0) problems.push({ field: 'findings', message: `every checklist item needs a finding; missing: ${missing.join(', ')}` });
  return problems;
}

/** The inspectors' internal notes never reach an agency user; what is meant for the agency is `noteToAgency`. */
function forReader<T extends { notes: string | null }>(actor: Actor, inspection: T): T {
  return actor.role === 'agency_user' ? { ...inspection, notes: null } : inspection;
}

/** A note the system writes, Chinese first. */
function bilingualNote(zh: string, en: string): string {
  return `${zh} / ${en}`;
}
