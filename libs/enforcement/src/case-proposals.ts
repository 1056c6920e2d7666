import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor } from '@app/access';
import { addDays, Clock, inTransaction, Problems, updateVersioned } from '@app/core';
import { ComplaintsService } from '@app/complaints';
import { InspectionsService } from '@app/inspections';
import { CaseGround, EnforcementCase, GroundKind, ProposedSanction } from './case.entity';
import { DECISION_DUE_DAYS, sanctionFieldProblems } from './case-rules';
import { CaseLicencesService } from './case-licences.service';
import { CaseDetailView, CreateCaseRequest } from './cases.dto';
import { Bilingual, GroundParams, groundProposal, isJobGround, JobGroundKind } from './case-grounds';
import { CaseNumbers } from './case-numbers';
import { CaseQueries, UUID } from './case-queries';
import { CaseRecords } from './case-records';
import { SYSTEM } from './system-actor';

/** Advisory-lock namespace of case grounds: of two proposals on the same ground, the second finds the first's case. */
const GROUND_LOCK_NAMESPACE = 7_301_002;

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


/**
 * Opening cases: an official's case on their grounds, another module's or a job's proposal (one
 * case per ground, however often proposed), and the bureau's revision of a proposal not yet served.
 */
@Injectable()
export class CaseProposals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly inspections: InspectionsService,
    private readonly complaints: ComplaintsService,
    private readonly numbers: CaseNumbers,
    private readonly caseLicences: CaseLicencesService,
    private readonly queries: CaseQueries,
    private readonly records: CaseRecords,
  ) {}

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
    return this.queries.detail(actor, id);
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
    const [agency] = await this.agencies.findByIds([input.agencyId], manager);
    if (!agency) throw Problems.notFound('Agency', input.agencyId);
    const licences =
      input.openedBy === 'system' ? await this.caseLicences.forJob(manager, input.agencyId, input.licenceIds) : await this.caseLicences.resolve(manager, actor, input.agencyId, input.licenceIds);
    const openedBy = input.openedBy === 'system' ? null : input.openedBy;
    const now = this.clock.now();
    const number = await this.numbers.allocate(manager, agency.jurisdictionCode, Number(this.clock.today().slice(0, 4)));
    const [legalBasis, legalBasisEn] = texts(input.legalBasis);
    const [facts, factsEn] = texts(input.facts);
    const created = await manager.save(
      manager.create(EnforcementCase, {
        caseNumber: number.zh,
        caseNumberEn: number.en,
        agencyId: input.agencyId,
        jurisdictionCode: agency.jurisdictionCode,
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
    await this.records.event(manager, c, 'opened', null, { grounds: input.grounds.map((g) => ({ kind: g.kind, reference: g.reference })), proposedSanction: input.proposedSanction, licences: licenceNumbers });
    await this.audit.record(manager, { action: 'case.open', entityType: 'enforcement_case', entityId: c.id, after: { ...c, licenceIds: licences.map((l) => l.id) } });
    return { id: c.id, existing: false };
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
    await this.records.event(manager, updated, 'proposal_revised', 'opened', {
      proposedSanction: input.proposedSanction,
      fineAmount: input.fineAmount,
      suspensionDays: input.suspensionDays,
      ...(licences ? { licences: licences.map((l) => l.licenceNumber) } : {}),
    });
    await this.audit.record(manager, { action: 'case.revise_proposal', entityType: 'enforcement_case', entityId: id, before, after: { ...updated, licenceIds: licences ? licences.map((l) => l.id) : before.licenceIds } });
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
}

/** A case's text as stored: Chinese (or an official's words) and the English when the system wrote both. */
function texts(text: CaseText): [string, string | null] {
  return typeof text === 'string' ? [text, null] : [text.zh, text.en];
}
