import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, applyScope, coversJurisdiction } from '@app/access';
import { UsersService } from '@app/auth';
import type { Readable } from 'node:stream';
import { streamViews } from '@app/database';
import { complaintExportColumns } from './complaint-export';
import { businessDateOf, checkVersion, Clock, countByStatus, csvExport, Language, fetchView, fetchViews, inTransaction, KeysetOrder, Page, paginateViews, ProblemException, Problems, StatusCountsView, statusCountsView, updateVersioned } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { InspectionsService, RiskService } from '@app/inspections';
import { BureausService } from '@app/jurisdictions';
import { ComplaintDeadlines } from './complaint-deadlines';
import { Complaint, ComplaintEvent, ComplaintEventKind } from './complaint.entity';
import { canTransition, COMPLAINT_STATUSES, DISPOSED_STATUSES, OPEN_STATUSES, SUBSTANTIATED_OUTCOMES } from './complaint-rules';
import { auditableComplaint, COMPLAINT_LIST_COLUMNS, COMPLAINT_NAMES, complaintView, detailView, personalDataChanged, SlaMoment } from './complaint-views';
import { WorkingCalendarService } from '@app/calendar';
import {
  AgencyAnswerRequest,
  AssigneeView,
  AssignComplaintRequest,
  ComplaintDetailView,
  ComplaintQuery,
  ComplaintView,
  ExtendComplaintRequest,
  LinkInspectionRequest,
  TransitionComplaintRequest,
} from './complaints.dto';

export const COMPLAINT_SCOPE = { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' };

/** Statuses into which a complaint is disposed of: the resolution clock stops there. */
const DISPOSALS = ['resolved', 'referred', 'dismissed'];
/** Relative weight of a substantiated complaint in the risk score, by severity. */
const SEVERITY_WEIGHTS = { low: 1, medium: 2, high: 3, urgent: 5 };
/** Half-life of a complaint's weight in the risk score. */
const RISK_HALF_LIFE_DAYS = 182.5;

/** Case handling: lists, history, assignment, the state machine, extension, agency answers. */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bureaus: BureausService,
    private readonly users: UsersService,
    private readonly deadlines: ComplaintDeadlines,
    private readonly risk: RiskService,
    private readonly inspections: InspectionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly calendar: WorkingCalendarService,
  ) {}

  /** Now, and the last day a deadline counts as near (today + 2 working days): one calendar look-up per request. */
  private async slaMoment(): Promise<SlaMoment> {
    const now = this.clock.now();
    return { now, dueSoonUntil: await this.calendar.addWorkingDays(businessDateOf(now), 2) };
  }

  /**
   * Complaints in the caller's scope, one query per page (names joined in, COMPLAINT_NAMES).
   * Lists never show the complainant: open one to see it.
   */
  /** Complaints in scope by status: exact counts, one grouped query. */
  async counts(actor: Actor): Promise<StatusCountsView> {
    return statusCountsView(await countByStatus(this.scoped(actor), 'c.status', COMPLAINT_STATUSES));
  }

  async list(actor: Actor, query: ComplaintQuery): Promise<Page<ComplaintView>> {
    const page = await paginateViews(this.filtered(actor, query), query, this.orderOf(query), COMPLAINT_NAMES, COMPLAINT_LIST_COLUMNS);
    const moment = await this.slaMoment();
    return { items: page.items.map((c) => complaintView(c, moment, false)), nextCursor: page.nextCursor };
  }

  /**
   * Every complaint of the list in the caller's scope and filters, in the list's order, as CSV in
   * the reader's language: streamed from a cursor, without the complainant (as in the list), audited.
   */
  async exportCsv(actor: Actor, query: ComplaintQuery, language: Language): Promise<Readable> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    await this.audit.record(this.dataSource.manager, { action: 'complaint.export', entityType: 'complaint', after: { filters, language } });
    const order = this.orderOf(query);
    const qb = this.filtered(actor, query).orderBy(order.sortColumn, order.direction).addOrderBy(order.idColumn, order.direction);
    const moment = await this.slaMoment();
    const names = (await this.dataSource.query(`SELECT code, name_zh AS zh, name_en AS en FROM complaint_categories`)) as { code: string; zh: string; en: string }[];
    const columns = complaintExportColumns(new Map(names.map((n) => [n.code, { zh: n.zh, en: n.en }])));
    const rows = streamViews(this.dataSource, qb, COMPLAINT_NAMES, COMPLAINT_LIST_COLUMNS);
    async function* views(): AsyncGenerator<ComplaintView> {
      for await (const row of rows) yield complaintView(row, moment, false);
    }
    return csvExport(columns, views(), language);
  }

  private filtered(actor: Actor, query: ComplaintQuery) {
    const qb = this.scoped(actor);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.category) qb.andWhere('c.categories @> ARRAY[:category]::text[]', { category: query.category });
    if (query.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.severity) qb.andWhere('c.severity = :severity', { severity: query.severity });
    if (query.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.from) qb.andWhere('c.received_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.received_on <= :to', { to: query.to });
    if (query.overdue !== undefined) {
      const overdue = `(c.status IN (:...openStatuses) AND ((c.acknowledged_at IS NULL AND c.ack_due_at < :now) OR c.resolve_due_at < :now))`;
      qb.andWhere(query.overdue ? overdue : `NOT ${overdue}`, { openStatuses: OPEN_STATUSES, now: this.clock.now() });
    }
    return qb;
  }

  /** Work first: overdue, then due soonest, disposed-of last (see the complaint_work_order trigger). */
  private orderOf(query: ComplaintQuery): KeysetOrder {
    return query.sort === 'received'
      ? { sortColumn: 'c.received_at', idColumn: 'c.id', direction: 'DESC', sortValue: (c: Complaint) => c.receivedAt, idValue: (c: Complaint) => c.id, cursorKinds: ['timestamp', 'uuid'] }
      : { sortColumn: 'c.work_order', idColumn: 'c.id', direction: 'ASC', sortValue: (c: Complaint) => c.workOrder, idValue: (c: Complaint) => c.id, cursorKinds: ['timestamp', 'uuid'] };
  }

  async get(actor: Actor, id: string): Promise<ComplaintDetailView> {
    const complaint = await fetchView(this.scoped(actor).andWhere('c.id = :id', { id }), COMPLAINT_NAMES);
    if (!complaint) throw Problems.notFound('Complaint', id);
    const events = await this.dataSource.getRepository(ComplaintEvent).find({ where: { complaintId: id }, order: { id: 'ASC' } });
    return detailView(complaint, events, await this.slaMoment(), await this.mayIdentify(actor, complaint), actor.role === 'agency_user');
  }

  /** A complaint as just recorded, with its names (the complainant shown: the recorder handles it). */
  async recordedView(complaint: Complaint): Promise<ComplaintView> {
    const [withNames] = await fetchViews(this.dataSource.manager.createQueryBuilder(Complaint, 'c').where('c.id = :id', { id: complaint.id }), COMPLAINT_NAMES);
    return complaintView(withNames, await this.slaMoment(), true);
  }

  /** Who may take the complaint: the officers of the bureaus in the caller's jurisdiction that cover it. */
  async assignees(actor: Actor, id: string): Promise<AssigneeView[]> {
    const complaint = await this.load(actor, id);
    return this.users.assignableOfficers(actor, complaint.jurisdictionCode);
  }

  /**
   * A bureau admin gives the complaint to a bureau in its jurisdiction and/or one of the officers
   * `assignees` lists (the complaint then goes to that officer's bureau), who is told.
   */
  async assign(actor: Actor, id: string, request: AssignComplaintRequest): Promise<ComplaintDetailView> {
    if (!request.bureauId && !request.assigneeId) {
      throw Problems.invalid([{ field: 'assigneeId', message: 'give a bureauId, an assigneeId or both' }]);
    }
    const current = await this.load(actor, id);
    let bureauId = request.bureauId ?? current.assignedBureauId;
    if (request.bureauId) {
      const bureau = await this.bureaus.findById(request.bureauId);
      const bureauPrefix = bureau ? this.bureaus.scopeOf(bureau) : null;
      if (!bureau || bureauPrefix === null || !coversJurisdiction(actor, bureau.jurisdictionCode ?? '') || !current.jurisdictionCode.startsWith(bureauPrefix)) {
        throw Problems.invalid([{ field: 'bureauId', message: 'the bureau must be in your jurisdiction and cover the complaint' }]);
      }
    }
    const assigneeId = request.assigneeId;
    if (assigneeId) {
      const officer = (await this.users.assignableOfficers(actor, current.jurisdictionCode)).find((o) => o.id === assigneeId);
      if (!officer) {
        throw Problems.invalid([
          { field: 'assigneeId', message: `the assignee must be one of GET /api/complaints/${id}/assignees: an active inspector or bureau admin of a bureau in your jurisdiction that covers the complaint` },
        ]);
      }
      if (request.bureauId && officer.bureauId !== request.bureauId) {
        throw Problems.invalid([{ field: 'assigneeId', message: 'the assignee is an officer of another bureau than bureauId' }]);
      }
      bureauId = officer.bureauId;
    }
    const tellAssignee = async (manager: EntityManager, updated: Complaint) => {
      if (!assigneeId || assigneeId === actor.userId) return;
      const [names] = await fetchViews(manager.createQueryBuilder(Complaint, 'c').where('c.id = :id', { id }), COMPLAINT_NAMES);
      await this.notifications.notifyUser(manager, {
        kind: 'complaint.assigned',
        userId: assigneeId,
        dedupKey: `complaint.assigned:${id}:${updated.version}`,
        payload: {
          complaintId: id,
          trackingCode: updated.trackingCode,
          severity: updated.severity,
          ackDueAt: updated.acknowledgedAt ? null : updated.ackDueAt,
          resolveDueAt: updated.resolveDueAt,
          agencyNameZh: names.agencyNameZh ?? updated.agencyNameGiven,
          agencyNameEn: names.agencyNameEn,
          assignedBy: actor.username,
        },
      });
    };
    return this.update(actor, current, request.version, 'complaint.assign', {
      changes: { assignedBureauId: bureauId, assigneeId: assigneeId ?? (request.bureauId ? null : current.assigneeId) },
      event: { kind: 'assigned', details: { bureauId, assigneeId: assigneeId ?? null } },
      after: tellAssignee,
    });
  }

  /** Moves a complaint along the design's states; illegal moves are a 409 naming the current status. */
  async transition(actor: Actor, id: string, request: TransitionComplaintRequest): Promise<ComplaintDetailView> {
    const current = await this.load(actor, id);
    if (!canTransition(current.status, request.to)) throw Problems.illegalTransition('Complaint', current.status, request.to);
    if (request.to === 'resolved' && !request.outcome) {
      throw Problems.invalid([{ field: 'outcome', message: 'an outcome is required to resolve a complaint' }]);
    }
    if (request.outcome && !['resolved', 'dismissed'].includes(request.to)) {
      throw Problems.invalid([{ field: 'outcome', message: 'an outcome is given only when resolving or dismissing' }]);
    }
    const now = this.clock.now();
    const changes: Partial<Complaint> = { status: request.to };
    if (request.to === 'triaged' && !current.acknowledgedAt) {
      changes.acknowledgedAt = now;
      if (now > current.ackDueAt) changes.slaBreached = true;
    }
    if (DISPOSALS.includes(request.to)) {
      changes.resolvedAt = now;
      changes.outcome = request.outcome ?? null;
      if (now > current.resolveDueAt) changes.slaBreached = true;
    }
    if (request.to === 'reopened') {
      changes.resolvedAt = null;
      changes.outcome = null;
    }
    return this.update(actor, current, request.version, 'complaint.transition', {
      changes,
      event: { kind: 'transition', fromStatus: current.status, toStatus: request.to, note: request.note, publicNote: request.publicNote ?? null },
      expectedStatus: current.status,
    });
  }

  /** The one extension of the resolution deadline, with a reason. */
  async extend(actor: Actor, id: string, request: ExtendComplaintRequest): Promise<ComplaintDetailView> {
    const current = await this.load(actor, id);
    if (DISPOSED_STATUSES.includes(current.status)) throw Problems.conflict('complaint-disposed', `Complaint is ${current.status}; its deadline no longer runs`, { currentStatus: current.status });
    if (current.extendedAt) throw Problems.conflict('already-extended', 'The resolution deadline has already been extended once');
    const resolveDueAt = await this.deadlines.extended(current.resolveDueAt);
    return this.update(actor, current, request.version, 'complaint.extend', {
      changes: { resolveDueAt, extendedAt: this.clock.now(), extensionReason: request.reason },
      event: { kind: 'extended', note: request.reason, details: { from: current.resolveDueAt, to: resolveDueAt } },
    });
  }

  /**
   * Links the complaint to an inspection of its agency, or plans a complaint-type inspection and
   * links that. Planning goes through the inspections module (its own transaction); the new
   * inspection names the complaint, so it stays traceable even if the link then loses a race.
   */
  async linkInspection(actor: Actor, id: string, request: LinkInspectionRequest): Promise<ComplaintDetailView> {
    if (!request.inspectionId === !request.planOn) {
      throw Problems.invalid([{ field: 'inspectionId', message: 'give either inspectionId or planOn' }]);
    }
    const current = await this.load(actor, id);
    checkVersion(current, request.version, 'Complaint');
    let inspectionId = request.inspectionId;
    if (request.planOn) {
      if (!current.agencyId) {
        throw Problems.invalid([{ field: 'planOn', message: 'the complaint names no agency on the register to inspect' }]);
      }
      const planned = await this.inspections.create(actor, { agencyId: current.agencyId, type: 'complaint', inspectionDate: request.planOn, complaintId: current.id });
      inspectionId = planned.id;
    } else if (inspectionId) {
      const inspection = await this.inspections.get(actor, inspectionId).catch((error: unknown) => {
        if (error instanceof ProblemException && error.getStatus() === 404) return null;
        throw error;
      });
      if (!inspection || (current.agencyId !== null && inspection.agencyId !== current.agencyId)) {
        throw Problems.invalid([{ field: 'inspectionId', message: 'no inspection of this agency in your jurisdiction has that id' }]);
      }
    }
    return this.update(actor, current, request.version, 'complaint.link_inspection', {
      changes: { inspectionId },
      event: { kind: 'inspection_linked', details: { inspectionId, planned: !!request.planOn } },
    });
  }

  /** An agency answers a complaint about it; the answer joins the history. */
  async answer(actor: Actor, id: string, request: AgencyAnswerRequest): Promise<ComplaintDetailView> {
    const complaint = await this.load(actor, id);
    await this.dataSource.transaction(async (manager) => {
      await this.addEvent(manager, actor, complaint.id, { kind: 'agency_answer', note: request.answer });
      await this.audit.record(manager, { action: 'complaint.agency_answer', entityType: 'complaint', entityId: id, after: { answer: request.answer } });
    });
    return this.get(actor, id);
  }

  /**
   * Flags open complaints past a deadline as breached (the complaint-sla job calls this hourly);
   * the rollup trigger (`complaints_rollup`, migrations/1763885400000-complaint-monthly-rollup.ts)
   * moves them into the breach counts. Returns the complaints newly breached.
   */
  async recordSlaBreaches(asOf: Date = this.clock.now(), outer?: EntityManager): Promise<{ id: string; jurisdictionCode: string; assignedBureauId: string | null }[]> {
    return inTransaction(this.dataSource, outer, async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE complaints SET sla_breached = true, updated_at = $1
          WHERE status = ANY($2) AND NOT sla_breached
            AND ((acknowledged_at IS NULL AND ack_due_at < $1) OR resolve_due_at < $1)
          RETURNING id, jurisdiction_code AS "jurisdictionCode", assigned_bureau_id AS "assignedBureauId"`,
        [asOf, OPEN_STATUSES],
      )) as [{ id: string; jurisdictionCode: string; assignedBureauId: string | null }[], number];
      if (rows.length > 0) {
        await this.audit.record(manager, { action: 'complaint.sla_breached', entityType: 'complaint', after: { ids: rows.map((r) => r.id), asOf } });
      }
      return rows;
    });
  }

  /**
   * For the risk score: per agency, substantiated complaints weighted by severity (partly
   * substantiated at half weight), halving every six months, with how many there are. One query
   * for all the agencies.
   */
  async substantiatedComplaintWeights(
    agencyIds: string[],
    asOf: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { weight: number; count: number }>> {
    if (agencyIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT agency_id AS "agencyId", count(*)::int AS count,
              sum(CASE severity WHEN 'urgent' THEN $3::numeric WHEN 'high' THEN $4 WHEN 'medium' THEN $5 ELSE $6 END
                  * CASE outcome WHEN 'partly_substantiated' THEN 0.5 ELSE 1 END
                  * power(0.5, greatest(extract(epoch FROM ($2::timestamptz - received_at)), 0) / 86400 / $7)) AS weight
         FROM complaints
        WHERE agency_id = ANY($1::uuid[]) AND outcome = ANY($8) AND received_at <= $2
        GROUP BY agency_id`,
      [agencyIds, asOf, SEVERITY_WEIGHTS.urgent, SEVERITY_WEIGHTS.high, SEVERITY_WEIGHTS.medium, SEVERITY_WEIGHTS.low, RISK_HALF_LIFE_DAYS, SUBSTANTIATED_OUTCOMES],
    )) as { agencyId: string; count: number; weight: string }[];
    return new Map(rows.map((r) => [r.agencyId, { weight: Number(r.weight), count: r.count }]));
  }

  /**
   * Substantiated (or partly) complaints resolved since `since`, with their severity: what
   * enforcement's demerit points count. All agencies when `agencyIds` is null.
   */
  async substantiatedSince(
    agencyIds: string[] | null,
    since: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; agencyId: string; severity: string; trackingCode: string; resolvedAt: Date }[]> {
    return (await manager.query(
      `SELECT id, agency_id AS "agencyId", severity, tracking_code AS "trackingCode", coalesce(resolved_at, received_at) AS "resolvedAt"
         FROM complaints
        WHERE agency_id IS NOT NULL AND outcome = ANY($1) AND coalesce(resolved_at, received_at) >= $2
          AND ($3::uuid[] IS NULL OR agency_id = ANY($3::uuid[]))`,
      [SUBSTANTIATED_OUTCOMES, since, agencyIds],
    )) as { id: string; agencyId: string; severity: string; trackingCode: string; resolvedAt: Date }[];
  }

  /** Open complaints and open ones past a deadline, in the caller's scope (for the overview). */
  /** `source`: a read replica's DataSource when the caller reads from one (the reports overview). */
  async openCounts(actor: Actor, source: DataSource = this.dataSource): Promise<{ open: number; overdue: number; breachedEver: number }> {
    const qb = source
      .createQueryBuilder()
      .from(Complaint, 'c')
      .select('count(*) FILTER (WHERE c.status IN (:...openStatuses))', 'open')
      .addSelect(
        `count(*) FILTER (WHERE c.status IN (:...openStatuses) AND ((c.acknowledged_at IS NULL AND c.ack_due_at < :now) OR c.resolve_due_at < :now))`,
        'overdue',
      )
      .addSelect('count(*) FILTER (WHERE c.sla_breached)', 'breachedEver')
      .setParameters({ openStatuses: OPEN_STATUSES, now: this.clock.now() });
    applyScope(qb, actor, COMPLAINT_SCOPE);
    const row = (await qb.getRawOne()) as { open: string; overdue: string; breachedEver: string };
    return { open: Number(row.open), overdue: Number(row.overdue), breachedEver: Number(row.breachedEver) };
  }

  /** The complaint if the actor may read it, else null (for another module's existence check). */
  findReadable(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<Complaint | null> {
    return this.scoped(actor, manager).andWhere('c.id = :id', { id }).getOne();
  }

  /** For the agency profile: its latest complaints, never with the complainant. */
  async forAgencyProfile(actor: Actor, agencyId: string): Promise<ComplaintView[]> {
    const rows = await fetchViews(this.scoped(actor).andWhere('c.agency_id = :agencyId', { agencyId }).orderBy('c.received_at', 'DESC').limit(50), COMPLAINT_NAMES, COMPLAINT_LIST_COLUMNS);
    const moment = await this.slaMoment();
    return rows.map((c) => complaintView(c, moment, false));
  }

  /**
   * The complainant's identity and contact are for the ministry and the handling bureau: the
   * bureau it is assigned to and the bureaus above it. Never agency users.
   */
  private async mayIdentify(actor: Actor, complaint: Complaint): Promise<boolean> {
    if (actor.role === 'agency_user' || actor.role === 'system_admin' || actor.jurisdictionPrefix === null) return false;
    if (actor.jurisdictionPrefix === '') return true;
    if (!complaint.assignedBureauId) return false;
    const bureau = await this.bureaus.findById(complaint.assignedBureauId);
    return !!bureau?.jurisdictionCode && bureau.jurisdictionCode.startsWith(actor.jurisdictionPrefix);
  }

  private scoped(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Complaint> {
    return applyScope(manager.createQueryBuilder(Complaint, 'c'), actor, COMPLAINT_SCOPE);
  }

  private async load(actor: Actor, id: string): Promise<Complaint> {
    const complaint = await this.scoped(actor).andWhere('c.id = :id', { id }).getOne();
    if (!complaint) throw Problems.notFound('Complaint', id);
    return complaint;
  }

  /** One optimistic-locked change with its history entry and audit event, in one transaction. */
  private async update(
    actor: Actor,
    current: Complaint,
    version: number,
    action: string,
    change: { changes: Partial<Complaint>; event: EventInput; expectedStatus?: string; after?: (manager: EntityManager, updated: Complaint) => Promise<void> },
  ): Promise<ComplaintDetailView> {
    await this.dataSource.transaction(async (manager) => {
      // The status read is part of the condition too, so two officers racing cannot both move it.
      const expected = change.expectedStatus ? { sql: 'status = :expectedStatus', parameters: { expectedStatus: change.expectedStatus } } : undefined;
      await updateVersioned(manager, Complaint, { id: current.id, version }, { ...change.changes, updatedAt: this.clock.now() }, 'Complaint', expected);
      await this.addEvent(manager, actor, current.id, change.event);
      // A complaint found substantiated (or no longer) moves its agency's risk score at once.
      if ('outcome' in change.changes && current.agencyId) await this.risk.recompute(manager, [current.agencyId]);
      const updated = await manager.findOneByOrFail(Complaint, { id: current.id });
      await this.audit.record(manager, {
        action,
        entityType: 'complaint',
        entityId: current.id,
        before: auditableComplaint(current),
        after: { ...auditableComplaint(updated), personalDataChanged: personalDataChanged(current, updated) },
      });
      await change.after?.(manager, updated);
    });
    return this.get(actor, current.id);
  }

  private async addEvent(manager: EntityManager, actor: Actor, complaintId: string, event: EventInput): Promise<void> {
    await manager.save(
      manager.create(ComplaintEvent, {
      complaintId,
      kind: event.kind,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      note: event.note ?? null,
      publicNote: event.publicNote ?? null,
      details: event.details ?? null,
      actorId: actor.userId,
      actorUsername: actor.username,
      actorRole: actor.role,
      occurredAt: this.clock.now(),
      }),
    );
  }
}

interface EventInput {
  kind: ComplaintEventKind;
  fromStatus?: string;
  toStatus?: string;
  note?: string;
  publicNote?: string | null;
  details?: Record<string, unknown>;
}
