import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { agencyNames, AgenciesService, announcePublicChange } from '@app/agencies';
import { AuditService } from '@app/audit';
import { EventsService } from '@app/events';
import { Actor, applyScope } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { addDays, businessDateOf, byCreation, Clock, combineJoins, fetchView, inTransaction, joinColumns, Page, paginateViews, ProblemException, Problems, RequestContext, selectArray, updateVersioned } from '@app/core';
import { Licence, LicencesService } from '@app/licensing';
import { NotificationsService } from '@app/notifications';
import { ComplaintsService } from '@app/complaints';
import { CaseRef, InspectionsService, RiskService } from '@app/inspections';
import { CASE_STATUSES, CaseDocument, CaseDocumentKind, CaseEvent, CaseGround, CaseStatus, DecidedSanction, EnforcementCase, GroundKind, ProposedSanction } from './case.entity';
import { CaseDocuments, CaseParties, sanctionText } from './case-documents';
import {
  addMonths,
  CASE_STEPS,
  CaseStep,
  DECISION_DUE_DAYS,
  decisionOpensOn,
  hearingEligible,
  HEARING_REQUEST_WORKING_DAYS,
  heavierThanProposed,
  isPublicSanction,
  LITIGATION_MONTHS,
  PENDING_STATUSES,
  RECONSIDERATION_DAYS,
  REPRESENTATION_WORKING_DAYS,
  sanctionFieldProblems,
  variationProblems,
} from './case-rules';
import { applyVariation } from './appeal-variation';
import { CaseLicencesService } from './case-licences.service';
import {
  AppealRequest,
  CaseCountsView,
  CaseDetailView,
  CaseGroundView,
  CaseLicencesRequest,
  CaseQuery,
  CaseStepRequest,
  CaseView,
  CreateCaseRequest,
  CaseDecisionRequest,
  HearingRequest,
  SummaryDraftQuery,
  RepresentationsRequest,
  WaiverRequest,
  WithdrawRequest,
} from './cases.dto';
import { DemeritPointsService } from './demerit-points.service';
import { Bilingual, groundLabel, GroundParams, groundProposal, isJobGround, JobGroundKind } from './case-grounds';
import { caseFileStem, CaseNumbers } from './case-numbers';
import { officesOf, REGISTRY_OFFICE } from './case-offices';
import { publishedSummaryDraft } from './published-summary';
import { PublicSanctionsService } from './public-sanctions.service';

export const CASE_SCOPE = { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' };

const CASE_NAMES = combineJoins(
  agencyNames('c.agency_id'),
  selectArray('licenceIds', `SELECT coalesce(array_agg(cl.licence_id::text ORDER BY l.licence_number), '{}') FROM case_licences cl JOIN licences l ON l.id = cl.licence_id WHERE cl.case_id = c.id`),
  selectArray('licenceNumbers', `SELECT coalesce(array_agg(l.licence_number ORDER BY l.licence_number), '{}') FROM case_licences cl JOIN licences l ON l.id = cl.licence_id WHERE cl.case_id = c.id`),
  joinColumns('users', 'view_investigator', 'view_investigator.id = c.investigating_officer_id', { investigatingOfficerName: 'display_name' }),
);

/** Advisory-lock namespace of case grounds: of two proposals on the same ground, the second finds the first's case. */
const GROUND_LOCK_NAMESPACE = 7_301_002;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case's text: an official's own words (one language, shown as written), or the system's in both languages. */
export type CaseText = string | Bilingual;

/** A ground as callers name it: its kind, the record's reference, and what the catalogue names the record by. */
export interface GroundInput {
  kind: GroundKind;
  reference: string;
  params?: GroundParams;
  /** An official's own note on the ground. */
  note?: string;
}

/** What another module asks for when it proposes a case. */
export interface ProposeCaseInput {
  agencyId: string;
  /** The licences the case concerns; the agency's licences in force when omitted. */
  licenceIds?: string[];
  grounds: GroundInput[];
  proposedSanction: ProposedSanction;
  /** Fen, for a fine. */
  fineAmount?: number;
  suspensionDays?: number;
  legalBasis: CaseText;
  facts: CaseText;
  openedBy: { userId: string; username?: string } | 'system';
  /** The officer who investigated; by default the one who opens the case. */
  investigatingOfficerId?: string | null;
}

/** The system's own actor: national reach, for cases the jobs propose. */
const SYSTEM: Actor = { userId: '00000000-0000-0000-0000-000000000000', username: 'system', role: 'ministry_official', bureauId: null, agencyId: null, jurisdictionPrefix: '' };

/**
 * Enforcement cases with due process: a proposed sanction is served as a notice, the agency is
 * heard within its windows (working days of the working calendar), and only a decision by a bureau
 * admin who did not investigate changes the licence, in the decision's own transaction.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly licences: LicencesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendarService,
    private readonly notifications: NotificationsService,
    private readonly documents: CaseDocuments,
    private readonly points: DemeritPointsService,
    private readonly inspections: InspectionsService,
    private readonly complaints: ComplaintsService,
    private readonly publicSanctions: PublicSanctionsService,
    private readonly numbers: CaseNumbers,
    private readonly caseLicences: CaseLicencesService,
    private readonly risk: RiskService,
    private readonly events: EventsService,
  ) {}

  list(actor: Actor, query: CaseQuery): Promise<Page<CaseView>> {
    const qb = this.scoped(actor, this.dataSource.manager);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.sanction) qb.andWhere('c.proposed_sanction = :sanction', { sanction: query.sanction });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? 'c.overdue' : 'NOT c.overdue');
    return paginateViews(qb, query, byCreation('c'), CASE_NAMES).then((page) => ({ ...page, items: page.items.map((c) => view(actor, c)) }));
  }

  /** The case list's scope, counted by state in one GROUP BY (served by the jurisdiction-and-status index). */
  async counts(actor: Actor): Promise<CaseCountsView> {
    const rows = (await this.scoped(actor, this.dataSource.manager).select('c.status', 'status').addSelect('count(*)::int', 'count').groupBy('c.status').getRawMany()) as {
      status: CaseStatus;
      count: number;
    }[];
    const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
    for (const row of rows) byStatus[row.status] = row.count;
    return { byStatus };
  }

  async detail(actor: Actor, id: string): Promise<CaseDetailView> {
    const found = await fetchView(this.scoped(actor, this.dataSource.manager).andWhere('c.id = :id', { id }), CASE_NAMES);
    if (!found) throw Problems.notFound('Case', id);
    const [grounds, events, documents] = await Promise.all([
      this.dataSource.getRepository(CaseGround).find({ where: { caseId: id }, order: { kind: 'ASC', reference: 'ASC' } }),
      this.dataSource.getRepository(CaseEvent).find({ where: { caseId: id }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(CaseDocument).find({ where: { caseId: id }, order: { createdAt: 'ASC' } }),
    ]);
    const pending = found.status === 'notice_served' || found.status === 'representations';
    const offices = await officesOf(this.dataSource.manager, [found.openedById, ...events.map((e) => e.actorId)]);
    const office = (userId: string | null) => (userId ? (offices.get(userId) ?? null) : REGISTRY_OFFICE);
    // An agency reads which office acted, never an official's login name or user id.
    const official = actor.role !== 'agency_user';
    return {
      ...view(actor, found),
      openedByOffice: office(found.openedById),
      representationWorkingDaysLeft: pending && found.status === 'notice_served' && !found.waivedAt ? await this.workingDaysLeft(found.noticeServedAt, found.representationDueOn) : null,
      hearingWorkingDaysLeft: pending && found.hearingEligible && !found.waivedAt ? await this.workingDaysLeft(found.noticeServedAt, found.hearingDueOn) : null,
      grounds: await this.groundViews(actor, grounds),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        details: e.details,
        actorUsername: official ? e.actorUsername : null,
        actorOffice: office(e.actorId),
        occurredAt: e.occurredAt,
      })),
      documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, createdAt: d.createdAt })),
    };
  }

  /** Grounds as the case page shows them: an inspection with its outcome (the caller's scope: another bureau's inspection shows none). */
  private async groundViews(actor: Actor, grounds: CaseGround[]): Promise<CaseGroundView[]> {
    return Promise.all(
      grounds.map(async (g) => {
        const inspection = g.kind === 'inspection' && UUID.test(g.reference) ? await this.inspections.get(actor, g.reference).catch(() => null) : null;
        const note = g.note === null ? null : { zh: g.note, en: g.noteEn ?? g.note };
        const label = groundLabel(g.kind, g.params, isJobGround(g.kind) ? note : null);
        return { kind: g.kind, reference: g.reference, label, note: isJobGround(g.kind) ? null : g.note, inspectionOutcome: inspection?.outcome ?? null };
      }),
    );
  }

  /** The countdown the case page shows: working days of the window opened when the notice was served still to use (the calendar's one rule). */
  private async workingDaysLeft(servedAt: Date | null, dueOn: string | null): Promise<number | null> {
    if (!dueOn || !servedAt) return null;
    return this.calendar.workingDaysLeft(businessDateOf(servedAt), dueOn);
  }

  /** A served document's bytes; 404 out of scope. */
  async document(actor: Actor, id: string, documentId: string): Promise<{ fileName: string; content: Buffer }> {
    await this.get(actor, id, this.dataSource.manager);
    const document = await this.dataSource
      .getRepository(CaseDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :documentId AND d.case_id = :id', { documentId, id })
      .getOne();
    if (!document) throw Problems.notFound('Document', documentId);
    return { fileName: document.fileName, content: document.content };
  }

  /** POST /cases: an inspector or bureau admin opens a case on grounds in their jurisdiction. */
  async create(actor: Actor, request: CreateCaseRequest): Promise<CaseDetailView> {
    const problems = sanctionFieldProblems({ sanction: request.proposedSanction, fineAmount: request.fineAmount, suspensionDays: request.suspensionDays });
    if (problems.length > 0) throw Problems.invalid(problems);
    await this.agencies.get(actor, request.agencyId);
    const checked = await this.checkGrounds(actor, request);
    if (checked.problems.length > 0) throw Problems.invalid(checked.problems);
    const { id } = await this.dataSource.transaction(async (manager) => {
      return this.propose(manager, actor, { ...request, grounds: checked.grounds, openedBy: { userId: actor.userId, username: actor.username } });
    });
    return this.detail(actor, id);
  }

  /**
   * An official names inspections, findings and complaints only (the overdue duties, failed
   * commitment checks and D grades are the jobs'), each a record of this agency the caller may
   * see (a complaint substantiated). A problem names the field, never the record found elsewhere.
   * Answers the grounds with what the catalogue names each record by.
   */
  private async checkGrounds(actor: Actor, request: CreateCaseRequest): Promise<{ problems: { field: string; message: string }[]; grounds: GroundInput[] }> {
    const problems: { field: string; message: string }[] = [];
    const grounds: GroundInput[] = [];
    for (const [index, ground] of request.grounds.entries()) {
      const field = `grounds[${index}].reference`;
      if (isJobGround(ground.kind)) {
        problems.push({ field: `grounds[${index}].kind`, message: `${ground.kind} grounds are opened by the registry's jobs only` });
      } else if (ground.kind === 'inspection' || ground.kind === 'finding') {
        const [inspectionId, itemCode] = ground.reference.split('/');
        const inspection = UUID.test(inspectionId) && (ground.kind === 'finding') === !!itemCode ? await this.inspections.get(actor, inspectionId).catch(() => null) : null;
        if (!inspection || inspection.agencyId !== request.agencyId) problems.push({ field, message: 'the ground is not an inspection of this agency in your jurisdiction' });
        else grounds.push({ ...ground, params: itemCode ? { inspectionDate: inspection.inspectionDate, itemCode } : { inspectionDate: inspection.inspectionDate } });
      } else {
        const complaint = UUID.test(ground.reference) ? await this.complaints.get(actor, ground.reference).catch(() => null) : null;
        if (!complaint || complaint.agencyId !== request.agencyId || (complaint.outcome !== 'substantiated' && complaint.outcome !== 'partly_substantiated')) {
          problems.push({ field, message: 'the ground is not a substantiated complaint about this agency in your jurisdiction' });
        } else grounds.push({ ...ground, params: { trackingCode: complaint.trackingCode } });
      }
    }
    return { problems, grounds };
  }

  /**
   * A job's case on one ground of the catalogue (an overdue duty, a failed commitment check, a D
   * grade): the catalogue writes its sanction, legal basis and facts in both languages.
   */
  proposeOnGround(
    manager: EntityManager,
    input: { agencyId: string; licenceId?: string; kind: JobGroundKind; reference: string; params: GroundParams },
  ): Promise<{ id: string; existing: boolean }> {
    const proposal = groundProposal(input.kind, input.params);
    return this.propose(manager, SYSTEM, {
      agencyId: input.agencyId,
      licenceIds: input.licenceId ? [input.licenceId] : undefined,
      grounds: [{ kind: input.kind, reference: input.reference, params: input.params }],
      proposedSanction: proposal.sanction,
      legalBasis: proposal.legalBasis,
      facts: proposal.facts,
      openedBy: 'system',
    });
  }

  /**
   * Opens a case, or answers the case already open on one of the same grounds (not withdrawn):
   * proposing twice, from two processes at once too, opens one case.
   */
  proposeCase(input: ProposeCaseInput, manager?: EntityManager): Promise<{ id: string; existing: boolean }> {
    // The caller has checked its own scope (an inspection, a job): the case is opened with national reach.
    return inTransaction(this.dataSource, manager, (m) => this.propose(m, SYSTEM, input));
  }

  private async propose(manager: EntityManager, actor: Actor, input: ProposeCaseInput): Promise<{ id: string; existing: boolean }> {
    // One case per ground and agency: another agency's case naming the same reference is not this one's.
    const keys = [...new Set(input.grounds.map((g) => `${input.agencyId}:${g.kind}:${g.reference}`))].sort();
    for (const key of keys) await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [GROUND_LOCK_NAMESPACE, key]);
    const [existing] = (await manager.query(
      `SELECT c.id FROM case_grounds g JOIN enforcement_cases c ON c.id = g.case_id
        WHERE (g.kind, g.reference) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND c.agency_id = $3 AND c.status <> 'withdrawn'
        ORDER BY c.created_at LIMIT 1`,
      [input.grounds.map((g) => g.kind), input.grounds.map((g) => g.reference), input.agencyId],
    )) as { id: string }[];
    if (existing) return { id: existing.id, existing: true };
    const [agency] = (await manager.query(`SELECT jurisdiction_code FROM agencies WHERE id = $1`, [input.agencyId])) as { jurisdiction_code: string }[];
    if (!agency) throw Problems.notFound('Agency', input.agencyId);
    const licences =
      input.openedBy === 'system' ? await this.caseLicences.forJob(manager, input.agencyId, input.licenceIds) : await this.caseLicences.resolve(manager, actor, input.agencyId, input.licenceIds);
    const openedBy = input.openedBy === 'system' ? null : input.openedBy;
    const now = this.clock.now();
    const number = await this.numbers.allocate(manager, agency.jurisdiction_code, Number(this.clock.today().slice(0, 4)));
    const [legalBasis, legalBasisEn] = texts(input.legalBasis);
    const [facts, factsEn] = texts(input.facts);
    const created = await manager.save(
      manager.create(EnforcementCase, {
        caseNumber: number.zh,
        caseNumberEn: number.en,
        agencyId: input.agencyId,
        jurisdictionCode: agency.jurisdiction_code,
        status: 'opened',
        proposedSanction: input.proposedSanction,
        proposedFineAmount: input.proposedSanction === 'fine' ? (input.fineAmount ?? null) : null,
        proposedSuspensionDays: input.proposedSanction === 'suspension' ? (input.suspensionDays ?? null) : null,
        legalBasis,
        legalBasisEn,
        facts,
        factsEn,
        investigatingOfficerId: input.investigatingOfficerId !== undefined ? input.investigatingOfficerId : (openedBy?.userId ?? null),
        openedById: openedBy?.userId ?? null,
        openedByUsername: openedBy?.username ?? (openedBy ? actor.username : 'system'),
        openedAt: now,
        decisionDueOn: addDays(this.clock.today(), DECISION_DUE_DAYS),
        overdue: false,
        sanctionedLicenceIds: [],
      }),
    );
    await manager.insert(
      CaseGround,
      input.grounds.map((g) => ({ caseId: created.id, kind: g.kind, reference: g.reference, params: g.params ?? {}, note: g.note ?? null, noteEn: null })),
    );
    await this.caseLicences.set(manager, created.id, licences);
    const c = await manager.findOneByOrFail(EnforcementCase, { id: created.id });
    const licenceNumbers = licences.map((l) => l.licenceNumber);
    await this.recordEvent(manager, c, 'opened', null, { grounds: input.grounds.map((g) => ({ kind: g.kind, reference: g.reference })), proposedSanction: input.proposedSanction, licences: licenceNumbers });
    await this.audit.record(manager, { action: 'case.open', entityType: 'enforcement_case', entityId: c.id, after: { ...c, licenceIds: licences.map((l) => l.id) } });
    return { id: c.id, existing: false };
  }

  /** The case and its number, for an answer that names it. */
  async ref(manager: EntityManager, id: string): Promise<CaseRef> {
    const { caseNumber } = await manager.findOneByOrFail(EnforcementCase, { id });
    return { id, caseNumber };
  }

  /** The case (not withdrawn) resting on an inspection, in the actor's scope (an agency: once served). */
  async ofInspection(actor: Actor, inspectionId: string): Promise<CaseRef | null> {
    if (!UUID.test(inspectionId)) return null;
    const found = await this.scoped(actor, this.dataSource.manager)
      .innerJoin(CaseGround, 'g', 'g.case_id = c.id')
      .andWhere(`g.kind = 'inspection' AND g.reference = :inspectionId AND c.status <> 'withdrawn'`, { inspectionId })
      .orderBy('c.created_at')
      .getOne();
    return found ? { id: found.id, caseNumber: found.caseNumber } : null;
  }

  /**
   * The bureau's call on an inspection whose proposal already opened this case: while no notice
   * names the sanction, the call becomes the case's proposal, and a licence it names becomes the
   * one licence the case concerns. Once the notice is served it fixes both (a new notice would be
   * needed), and the call changes nothing.
   */
  async reviseProposal(manager: EntityManager, actor: Actor, id: string, input: Pick<ProposeCaseInput, 'proposedSanction' | 'fineAmount' | 'suspensionDays' | 'licenceIds'>): Promise<void> {
    const c = await manager.findOneByOrFail(EnforcementCase, { id });
    if (c.status !== 'opened') return;
    const before = { ...c, licenceIds: (await this.caseLicences.of(manager, id)).map((l) => l.id) };
    const licences = input.licenceIds?.length ? await this.caseLicences.resolve(manager, actor, c.agencyId, input.licenceIds) : null;
    const proposal = {
      proposedSanction: input.proposedSanction,
      proposedFineAmount: input.proposedSanction === 'fine' ? (input.fineAmount ?? null) : null,
      proposedSuspensionDays: input.proposedSanction === 'suspension' ? (input.suspensionDays ?? null) : null,
    };
    const sameLicences = !licences || licences.map((l) => l.id).sort().join() === [...before.licenceIds].sort().join();
    const sameProposal = (Object.keys(proposal) as (keyof typeof proposal)[]).every((key) => proposal[key] === c[key]);
    if (sameLicences && sameProposal) return;
    await updateVersioned(
      manager,
      EnforcementCase,
      c,
      proposal,
      'Case',
      { sql: 'status = :s', parameters: { s: 'opened' } },
    );
    if (licences) await this.caseLicences.set(manager, id, licences);
    const updated = await manager.findOneByOrFail(EnforcementCase, { id });
    await this.recordEvent(manager, updated, 'proposal_revised', 'opened', {
      proposedSanction: input.proposedSanction,
      fineAmount: input.fineAmount,
      suspensionDays: input.suspensionDays,
      ...(licences ? { licences: licences.map((l) => l.licenceNumber) } : {}),
    });
    await this.audit.record(manager, { action: 'case.revise_proposal', entityType: 'enforcement_case', entityId: id, before, after: { ...updated, licenceIds: licences ? licences.map((l) => l.id) : before.licenceIds } });
  }

  /** The bureau names the licences the case concerns, until the notice names them. */
  async setLicences(actor: Actor, id: string, request: CaseLicencesRequest): Promise<CaseDetailView> {
    return this.step(actor, id, 'licences', request, async (manager, c) => {
      const before = await this.caseLicences.of(manager, id);
      const licences = await this.caseLicences.resolve(manager, actor, c.agencyId, request.licenceIds);
      await this.caseLicences.set(manager, id, licences);
      return { changes: {}, details: { from: before.map((l) => l.licenceNumber), to: licences.map((l) => l.licenceNumber) } };
    });
  }

  /**
   * Sanctions decided on these agencies since `since`, by kind, as they stand after appeals (a
   * varied decision counts as varied; none, withdrawn and annulled count nothing): the risk
   * score's past sanctions.
   */
  async decidedSanctionCounts(manager: EntityManager, agencyIds: string[], since: string): Promise<{ agencyId: string; counts: Record<string, number> }[]> {
    return (await manager.query(
      `SELECT agency_id AS "agencyId", jsonb_object_agg(decided_sanction, n) AS counts
         FROM (SELECT agency_id, decided_sanction, count(*)::int AS n FROM enforcement_cases
                WHERE agency_id = ANY($1::uuid[]) AND decided_sanction IN ('warning', 'fine', 'suspension', 'revocation')
                  AND appeal_outcome IS DISTINCT FROM 'annulled' AND effective_on >= $2::date
                GROUP BY agency_id, decided_sanction) s
        GROUP BY agency_id`,
      [agencyIds, since],
    )) as { agencyId: string; counts: Record<string, number> }[];
  }

  /** The bureau serves the notice of intended sanction: windows start, the agency is told, the PDF is kept. */
  async serveNotice(actor: Actor, id: string, request: CaseStepRequest): Promise<CaseDetailView> {
    return this.step(actor, id, 'notice', request, async (manager, c) => {
      const today = this.clock.today();
      const eligible = hearingEligible(c.proposedSanction, c.proposedFineAmount, await this.points.largeAmount(manager, c.jurisdictionCode));
      const changes = {
        noticeServedAt: this.clock.now(),
        representationDueOn: await this.calendar.addWorkingDays(today, REPRESENTATION_WORKING_DAYS),
        hearingEligible: eligible,
        hearingDueOn: eligible ? await this.calendar.addWorkingDays(today, HEARING_REQUEST_WORKING_DAYS) : null,
      };
      return {
        changes,
        after: async (updated) => {
          await this.storeDocument(manager, updated, 'notice', await this.documents.notice(updated, await this.parties(manager, updated)));
          await this.tellAgency(manager, updated, 'case.notice_served', {
            proposedSanction: sanctionText(updated.proposedSanction, updated.proposedFineAmount, updated.proposedSuspensionDays).join(' / '),
            representationDueOn: updated.representationDueOn,
            hearingDueOn: updated.hearingDueOn,
          });
        },
      };
    });
  }

  /** The agency's representations, until the end of the window's last working day. */
  async representations(actor: Actor, id: string, request: RepresentationsRequest): Promise<CaseDetailView> {
    return this.step(actor, id, 'representations', request, async (_manager, c) => {
      this.withinWindow('representation', c.representationDueOn);
      return { changes: { representations: request.text, representationsAt: this.clock.now() }, details: { length: request.text.length } };
    });
  }

  /** The agency asks for a hearing; the bureau records the one held. */
  async hearing(actor: Actor, id: string, request: HearingRequest): Promise<CaseDetailView> {
    if (actor.role === 'agency_user') {
      return this.step(actor, id, 'requestHearing', request, async (_manager, c) => {
        if (!c.hearingEligible) throw Problems.conflict('no-hearing-right', 'The intended sanction gives no right to a hearing');
        this.withinWindow('hearing request', c.hearingDueOn);
        return { changes: { hearingRequestedAt: this.clock.now(), hearingRequestReason: request.reason ?? null } };
      });
    }
    const missing = (['heldOn', 'attendees', 'minutes'] as const).filter((f) => !request[f]).map((field) => ({ field, message: `${field} is required to record a hearing` }));
    if (missing.length > 0) throw Problems.invalid(missing);
    if ((request.heldOn as string) > this.clock.today()) throw Problems.invalid([{ field: 'heldOn', message: 'heldOn must be today or earlier' }]);
    return this.step(actor, id, 'recordHearing', request, async (manager, c) => ({
      changes: { hearingHeldOn: request.heldOn, hearingAttendees: request.attendees, hearingMinutes: request.minutes },
      details: { heldOn: request.heldOn },
      after: async () => {
        await this.tellAgency(manager, c, 'case.hearing_recorded', { heldOn: request.heldOn });
      },
    }));
  }

  /** The agency waives its windows in writing: a decision may then be taken at once. */
  async waive(actor: Actor, id: string, request: WaiverRequest): Promise<CaseDetailView> {
    return this.step(actor, id, 'waiver', request, async () => ({ changes: { waivedAt: this.clock.now(), waiverStatement: request.statement } }));
  }

  /**
   * The decision: by a bureau admin who did not investigate, not before the windows close, no
   * heavier than the notice; a suspension or revocation moves the licence in this transaction.
   */
  async decide(actor: Actor, id: string, request: CaseDecisionRequest): Promise<CaseDetailView> {
    const problems = sanctionFieldProblems(request);
    if (problems.length > 0) throw Problems.invalid(problems);
    return this.step(actor, id, 'decision', request, async (manager, c) => {
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
          await this.storeDocument(manager, updated, 'decision', await this.documents.decision(updated, await this.parties(manager, updated)));
          await this.tellAgency(manager, updated, 'case.decided', {
            sanction: sanctionText(request.sanction, updated.decidedFineAmount, updated.decidedSuspensionDays).join(' / '),
            reconsiderationDueOn: updated.reconsiderationDueOn,
            litigationDueOn: updated.litigationDueOn,
          });
          if (isPublicSanction(updated)) {
            await this.announce(manager, updated);
            await this.publishEvent(manager, 'sanction.decided', updated);
          }
          await this.regrade(manager, updated.agencyId);
        },
      };
    });
  }

  /** The draft of the published summary of a decision taken today as asked (the decision form prefills it). */
  async summaryDraft(actor: Actor, id: string, query: SummaryDraftQuery): Promise<Bilingual> {
    const problems = sanctionFieldProblems(query);
    if (problems.length > 0) throw Problems.invalid(problems);
    const c = await this.get(actor, id, this.dataSource.manager);
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
    const parties = await this.parties(manager, c);
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
    return this.step(actor, id, 'appeal', request, async (manager, c) => {
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
          // Other systems hear of a change to a published sanction (a variation to a warning unpublishes it).
          if (request.outcome !== 'upheld' && isPublicSanction({ decidedSanction: c.decidedSanction, appealOutcome: null })) {
            await this.publishEvent(manager, request.outcome === 'annulled' ? 'sanction.annulled' : 'sanction.varied', updated);
          }
          if (request.outcome !== 'upheld') {
            // The list drops the old entry's licences and shows the new one's (the union is announced).
            await this.announce(manager, { ...updated, sanctionedLicenceIds: [...new Set([...c.sanctionedLicenceIds, ...updated.sanctionedLicenceIds])] });
            await this.regrade(manager, updated.agencyId);
          }
          await this.tellAgency(manager, updated, 'case.appeal_recorded', {
            outcome: request.outcome,
            body: request.body,
            ...(variation ? { sanction: sanctionText(variation.sanction, variation.fineAmount, variation.suspensionDays).join(' / ') } : {}),
          });
        },
      };
    });
  }

  async withdraw(actor: Actor, id: string, request: WithdrawRequest): Promise<CaseDetailView> {
    return this.step(actor, id, 'withdraw', request, async (manager, c) => ({
      changes: { withdrawnAt: this.clock.now(), withdrawReason: request.reason },
      details: { reason: request.reason },
      after: async (updated) => {
        if (c.status !== 'opened') await this.tellAgency(manager, updated, 'case.withdrawn', { reason: request.reason });
      },
    }));
  }

  /**
   * Regrades an agency after a decision or annulment, and proposes a revocation when it reaches D
   * (once per D episode: the ground names the day the grade began).
   */
  async regrade(manager: EntityManager, agencyId: string): Promise<void> {
    const grades = await this.points.recompute(manager, [agencyId]);
    // The stored risk score (agency profile, lists) counts decided sanctions and the new grade.
    await this.risk.recompute(manager, [agencyId]);
    await this.proposeForGradeD(manager, grades.filter((g) => g.grade === 'D'));
  }

  /** One proposed revocation case per agency and D episode, however often this runs. */
  async proposeForGradeD(manager: EntityManager, grades: { agencyId: string; gradeSince: string }[]): Promise<number> {
    let opened = 0;
    for (const g of grades) {
      const result = await this.proposeOnGround(manager, { agencyId: g.agencyId, kind: 'credit_grade_d', reference: `${g.agencyId}@${g.gradeSince}`, params: { since: g.gradeSince } });
      if (!result.existing) opened += 1;
    }
    return opened;
  }

  /** Closes decided cases whose appeal windows ended without an appeal recorded (the case-deadlines job). */
  async closeAppealWindowsEnded(manager: EntityManager, today: string): Promise<number> {
    const ended = await manager
      .createQueryBuilder(EnforcementCase, 'c')
      .where(`c.status = 'decided' AND c.litigation_due_on < :today`, { today })
      .getMany();
    for (const c of ended) {
      await updateVersioned(manager, EnforcementCase, c, { status: 'closed', closedAt: this.clock.now() }, 'Case', { sql: 'status = :s', parameters: { s: 'decided' } });
      await this.recordEvent(manager, { ...c, status: 'closed' }, 'appeal_windows_ended', 'decided', { litigationDueOn: c.litigationDueOn });
      await this.audit.record(manager, { action: 'case.close', entityType: 'enforcement_case', entityId: c.id, before: c, after: { status: 'closed' } });
    }
    return ended.length;
  }

  /** Pending cases past their decision date become overdue (flagged once). */
  async flagOverdue(manager: EntityManager, today: string): Promise<{ id: string; caseNumber: string; jurisdictionCode: string }[]> {
    return (await manager.query(
      `UPDATE enforcement_cases SET overdue = true, version = version + 1, updated_at = now()
        WHERE status = ANY($1) AND NOT overdue AND decision_due_on < $2
        RETURNING id, case_number AS "caseNumber", jurisdiction_code AS "jurisdictionCode"`,
      [PENDING_STATUSES, today],
    )) as { id: string; caseNumber: string; jurisdictionCode: string }[];
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * One step of a case, in one transaction: the case is read in scope, the step must be allowed
   * from its state (409 naming it), the version must be the one read (409), and the update names
   * both; then the event, the audit record and whatever the step does after.
   */
  private async step(
    actor: Actor,
    id: string,
    step: CaseStep,
    request: CaseStepRequest,
    work: (
      manager: EntityManager,
      c: EnforcementCase,
    ) => Promise<{ changes: Partial<EnforcementCase>; details?: Record<string, unknown>; after?: (updated: EnforcementCase) => Promise<void> }>,
  ): Promise<CaseDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.get(actor, id, manager);
      const rule = CASE_STEPS[step];
      if (!(rule.from as readonly CaseStatus[]).includes(c.status)) throw Problems.illegalTransition('Case', c.status, rule.to);
      if (c.version !== request.version) throw Problems.staleVersion('Case', c.version);
      const { changes, details, after } = await work(manager, c);
      const status = rule.to === 'waived' ? c.status : (rule.to as CaseStatus);
      await updateVersioned(manager, EnforcementCase, c, { ...changes, status } as never, 'Case', { sql: 'status = :current', parameters: { current: c.status } });
      const updated = await manager.findOneByOrFail(EnforcementCase, { id });
      await this.recordEvent(manager, updated, step, c.status, details ?? null);
      await this.audit.record(manager, { action: `case.${step}`, entityType: 'enforcement_case', entityId: id, before: c, after: updated });
      if (after) await after(updated);
    });
    // This process drops its public list at once; the others when the NOTIFY of the commit reaches them.
    if (step === 'decision' || step === 'appeal') this.publicSanctions.evict();
    return this.detail(actor, id);
  }

  private scoped(actor: Actor, manager: EntityManager) {
    const qb = applyScope(manager.createQueryBuilder(EnforcementCase, 'c'), actor, CASE_SCOPE);
    // An agency sees a case once its notice is served.
    if (actor.role === 'agency_user') qb.andWhere(`c.status <> 'opened'`);
    return qb;
  }

  private async get(actor: Actor, id: string, manager: EntityManager): Promise<EnforcementCase> {
    const c = await this.scoped(actor, manager).andWhere('c.id = :id', { id }).getOne();
    if (!c) throw Problems.notFound('Case', id);
    return c;
  }

  private withinWindow(what: string, dueOn: string | null): void {
    const today = this.clock.today();
    if (dueOn && today > dueOn) throw Problems.conflict('window-closed', `The ${what} window closed on ${dueOn}`, { closedOn: dueOn });
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

  private async storeDocument(manager: EntityManager, c: EnforcementCase, kind: CaseDocumentKind, content: Buffer): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseDocument)
      .values({ caseId: c.id, kind, fileName: `${caseFileStem(c.caseNumberEn ?? c.caseNumber)}-${kind}.pdf`, content })
      .orIgnore()
      .execute();
  }

  private async parties(manager: EntityManager, c: EnforcementCase): Promise<CaseParties> {
    const [agency] = (await manager.query(`SELECT name_zh, name_en, uscc FROM agencies WHERE id = $1`, [c.agencyId])) as { name_zh: string; name_en: string | null; uscc: string }[];
    const numbers = (await this.caseLicences.of(manager, c.id)).map((l) => l.licenceNumber);
    const grounds = await manager.find(CaseGround, { where: { caseId: c.id } });
    return {
      agencyNameZh: agency.name_zh,
      agencyNameEn: agency.name_en,
      uscc: agency.uscc,
      licenceNumbers: numbers,
      grounds: grounds.map((g) => groundLabel(g.kind, g.params, g.note === null ? null : { zh: g.note, en: g.noteEn ?? g.note })),
    };
  }

  private async tellAgency(manager: EntityManager, c: EnforcementCase, kind: string, payload: Record<string, unknown>): Promise<void> {
    await this.notifications.notifyAgency(manager, { kind, agencyId: c.agencyId, dedupKey: `${kind}:${c.id}:${c.version}`, payload: { caseId: c.id, caseNumber: c.caseNumber, caseNumberEn: c.caseNumberEn ?? c.caseNumber, ...payload } });
  }

  /** The public list of sanctions and the agency's public entry change at once (every process hears it at commit). */
  /** A sanction's event for other systems: what the public sanctions list shows of it, nothing of the case's facts. */
  private async publishEvent(manager: EntityManager, type: 'sanction.decided' | 'sanction.varied' | 'sanction.annulled', c: EnforcementCase): Promise<void> {
    const [agency] = (await manager.query(`SELECT uscc FROM agencies WHERE id = $1`, [c.agencyId])) as { uscc: string }[];
    const licenceNumbers = c.sanctionedLicenceIds.length ? (await manager.find(Licence, { where: { id: In(c.sanctionedLicenceIds) } })).map((l) => l.licenceNumber).sort() : [];
    await this.events.append(manager, {
      type,
      occurredAt: this.clock.now(),
      subject: { agencyUscc: agency.uscc, caseNumber: c.caseNumber },
      data: {
        caseNumberEn: c.caseNumberEn ?? c.caseNumber,
        jurisdictionCode: c.jurisdictionCode,
        licenceNumbers,
        sanction: c.decidedSanction,
        published: isPublicSanction(c),
        fineAmount: c.decidedFineAmount,
        suspensionDays: c.decidedSuspensionDays,
        effectiveOn: c.effectiveOn,
        summaryZh: c.publishedSummaryZh,
        summaryEn: c.publishedSummaryEn,
      },
    });
  }

  private async announce(manager: EntityManager, c: EnforcementCase): Promise<void> {
    const [agency] = (await manager.query(`SELECT uscc FROM agencies WHERE id = $1`, [c.agencyId])) as { uscc: string }[];
    const numbers = c.sanctionedLicenceIds.length
      ? ((await manager.find(Licence, { where: { id: In(c.sanctionedLicenceIds) } })) as Licence[]).map((l) => l.licenceNumber)
      : [];
    await announcePublicChange(manager, ['sanctions', agency.uscc, ...numbers]);
  }

  private async recordEvent(manager: EntityManager, c: Pick<EnforcementCase, 'id' | 'status'>, kind: string, fromStatus: string | null, details: Record<string, unknown> | null): Promise<void> {
    const actor = RequestContext.current()?.actor;
    await manager.insert(CaseEvent, {
      caseId: c.id,
      kind,
      fromStatus,
      toStatus: c.status,
      // jsonb: TypeORM's deep-partial type does not take a plain record.
      details: details as never,
      actorId: actor?.userId ?? null,
      actorUsername: actor?.username ?? 'system',
      occurredAt: this.clock.now(),
    });
  }
}

/** A case's text as stored: Chinese (or an official's words) and the English when the system wrote both. */
function texts(text: CaseText): [string, string | null] {
  return typeof text === 'string' ? [text, null] : [text.zh, text.en];
}

type CaseRow = EnforcementCase & { agencyNameZh: string; agencyNameEn: string | null; licenceIds: string[]; licenceNumbers: string[]; investigatingOfficerName: string | null };

/** A case as the caller may read it: an agency sees no official's login name or user id. */
function view(actor: Actor, c: CaseRow): CaseView {
  const { openedById: _openedById, ...rest } = c;
  const agency = actor.role === 'agency_user';
  return {
    ...rest,
    caseNumberEn: c.caseNumberEn ?? c.caseNumber,
    openedByUsername: agency ? null : c.openedByUsername,
    investigatingOfficerId: agency ? null : c.investigatingOfficerId,
    investigatingOfficerName: agency ? null : c.investigatingOfficerName,
    decidingOfficerId: agency ? null : c.decidingOfficerId,
    decisionOpensOn: PENDING_STATUSES.includes(c.status) && c.status !== 'opened' ? decisionOpensOn(c) : null,
  };
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
