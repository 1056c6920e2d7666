import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { agencyNames } from '@app/agencies';
import { Actor, applyScope } from '@app/access';
import { userDisplayName } from '@app/auth';
import { WorkingCalendarService } from '@app/calendar';
import type { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { businessDateOf, byCreation, combineJoins, csvExport, fetchView, Language, Page, paginateViews, Problems } from '@app/core';
import { streamViews } from '@app/database';
import { CASE_EXPORT_COLUMNS } from './case-export';
import { licenceIdsAndNumbers } from '@app/licensing';
import { CaseRef, InspectionsService } from '@app/inspections';
import { CASE_STATUSES, CaseDocument, CaseEvent, CaseGround, CaseStatus, EnforcementCase } from './case.entity';
import { decisionOpensOn, PENDING_STATUSES } from './case-rules';
import { CaseCountsView, CaseDetailView, CaseGroundView, CaseQuery, CaseView } from './cases.dto';
import { groundLabel, isJobGround } from './case-grounds';
import { officesOf, REGISTRY_OFFICE } from './case-offices';

export const CASE_SCOPE = { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' };

const CASE_NAMES = combineJoins(
  agencyNames('c.agency_id'),
  licenceIdsAndNumbers('SELECT cl.licence_id FROM case_licences cl WHERE cl.case_id = c.id'),
  userDisplayName('c.investigating_officer_id', 'view_investigator', 'investigatingOfficerName'),
);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading cases: the list, counts, the case page, its documents, and the reads other modules need. */
@Injectable()
export class CaseQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, query: CaseQuery): Promise<Page<CaseView>> {
    return paginateViews(this.filtered(actor, query), query, byCreation('c'), CASE_NAMES).then((page) => ({ ...page, items: page.items.map((c) => view(actor, c)) }));
  }

  /** Every case of the list in the caller's scope and filters, newest first, as CSV in the reader's language (streamed; the export audited). */
  async exportCsv(actor: Actor, query: CaseQuery, language: Language): Promise<Readable> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    await this.audit.record(this.dataSource.manager, { action: 'case.export', entityType: 'case', after: { filters, language } });
    const rows = streamViews(this.dataSource, this.filtered(actor, query).orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC'), CASE_NAMES);
    async function* views(): AsyncGenerator<CaseView> {
      for await (const row of rows) yield view(actor, row);
    }
    return csvExport(CASE_EXPORT_COLUMNS, views(), language);
  }

  private filtered(actor: Actor, query: CaseQuery) {
    const qb = this.scoped(actor, this.dataSource.manager);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.sanction) qb.andWhere('c.proposed_sanction = :sanction', { sanction: query.sanction });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? 'c.overdue' : 'NOT c.overdue');
    return qb;
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

  /** Cases in the caller's scope (an agency: once served). */
  scoped(actor: Actor, manager: EntityManager) {
    const qb = applyScope(manager.createQueryBuilder(EnforcementCase, 'c'), actor, CASE_SCOPE);
    // An agency sees a case once its notice is served.
    if (actor.role === 'agency_user') qb.andWhere(`c.status <> 'opened'`);
    return qb;
  }

  /** The case in scope, or 404. */
  async get(actor: Actor, id: string, manager: EntityManager): Promise<EnforcementCase> {
    const c = await this.scoped(actor, manager).andWhere('c.id = :id', { id }).getOne();
    if (!c) throw Problems.notFound('Case', id);
    return c;
  }
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
