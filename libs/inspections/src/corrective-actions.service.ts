import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { byCreation, checkVersion, Clock, countByStatus, fetchView, inTransaction, Page, paginateViews, Problems, StatusCountsView, statusCountsView, updateVersionedAndRead } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { CORRECTIVE_ACTION_STATUSES, CorrectiveAction, CorrectiveActionStatus } from './inspection.entity';
import { CorrectiveActionCommand, CorrectiveActionPatch, CorrectiveActionQuery, CorrectiveActionView } from './inspections.dto';
import { CORRECTIVE_ACTION_NAMES } from './inspection-views';
import { RiskService } from './risk/risk.service';

/** A corrective action as the deadline job sees it. */
export interface OverdueCorrectiveAction {
  id: string;
  agencyId: string;
  inspectionId: string;
  itemCode: string;
  dueOn: string;
  leadInspectorId: string | null;
}

export const CORRECTIVE_ACTION_SCOPE = { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' };

/** Who may do what to a corrective action, from which statuses, to which status. */
const COMMANDS: Record<CorrectiveActionCommand, { by: 'agency' | 'official'; from: CorrectiveActionStatus[]; to: CorrectiveActionStatus }> = {
  submit: { by: 'agency', from: ['open', 'overdue'], to: 'submitted' },
  verify: { by: 'official', from: ['submitted'], to: 'verified' },
  reopen: { by: 'official', from: ['submitted'], to: 'open' },
};

@Injectable()
export class CorrectiveActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly risk: RiskService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** One query per page: the names are joined in (CORRECTIVE_ACTION_NAMES). */
  async counts(actor: Actor): Promise<StatusCountsView> {
    return statusCountsView(await countByStatus(applyScope(this.dataSource.getRepository(CorrectiveAction).createQueryBuilder('c'), actor, CORRECTIVE_ACTION_SCOPE), 'c.status', CORRECTIVE_ACTION_STATUSES));
  }

  list(actor: Actor, query: CorrectiveActionQuery): Promise<Page<CorrectiveActionView>> {
    const qb = applyScope(this.dataSource.getRepository(CorrectiveAction).createQueryBuilder('c'), actor, CORRECTIVE_ACTION_SCOPE);
    if (query.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.inspectionId) qb.andWhere('c.inspection_id = :inspectionId', { inspectionId: query.inspectionId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    return paginateViews(qb, query, byCreation('c'), CORRECTIVE_ACTION_NAMES);
  }

  /** A corrective action with its agency by name; 404 out of scope. */
  async view(actor: Actor, id: string): Promise<CorrectiveActionView> {
    const action = await fetchView(applyScope(this.dataSource.getRepository(CorrectiveAction).createQueryBuilder('c'), actor, CORRECTIVE_ACTION_SCOPE).andWhere('c.id = :id', { id }), CORRECTIVE_ACTION_NAMES);
    if (!action) throw Problems.notFound('Corrective action', id);
    return action;
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<CorrectiveAction> {
    const action = await applyScope(manager.createQueryBuilder(CorrectiveAction, 'c'), actor, CORRECTIVE_ACTION_SCOPE).andWhere('c.id = :id', { id }).getOne();
    if (!action) throw Problems.notFound('Corrective action', id);
    return action;
  }

  /** The agency answers (submit); an inspector or bureau admin verifies the answer or reopens the action. */
  async patch(actor: Actor, id: string, request: CorrectiveActionPatch): Promise<CorrectiveActionView> {
    const command = COMMANDS[request.action];
    const isAgency = actor.role === 'agency_user';
    if ((command.by === 'agency') !== isAgency) {
      throw Problems.forbidden(command.by === 'agency' ? 'Only the agency answers its corrective actions' : 'Only an inspector or bureau admin verifies or reopens');
    }
    if (request.action === 'submit' && !request.response) throw Problems.invalid([{ field: 'response', message: 'the answer is required to submit' }]);
    if (request.action === 'reopen' && !request.note) throw Problems.invalid([{ field: 'note', message: 'say why the action is reopened' }]);
    if (request.dueOn !== undefined && request.action !== 'reopen') throw Problems.invalid([{ field: 'dueOn', message: 'a new due date is set only when reopening' }]);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      if (!command.from.includes(current.status)) throw Problems.illegalTransition('Corrective action', current.status, command.to);
      checkVersion(current, request.version, 'Corrective action');
      const now = this.clock.now();
      const changes: Partial<CorrectiveAction> =
        request.action === 'submit'
          ? { status: 'submitted', agencyResponse: request.response as string, respondedAt: now }
          : request.action === 'verify'
            ? { status: 'verified', inspectorNote: request.note ?? null, verifiedBy: actor.userId, verifiedAt: now }
            : { status: 'open', inspectorNote: request.note as string, ...(request.dueOn ? { dueOn: request.dueOn } : {}) };
      const updated = await updateVersionedAndRead(manager, CorrectiveAction, current, changes, 'Corrective action');
      await this.audit.record(manager, { action: `corrective_action.${request.action}`, entityType: 'corrective_action', entityId: id, before: current, after: updated });
      if (request.action !== 'submit') {
        const kind = request.action === 'verify' ? 'corrective_action.verified' : 'corrective_action.reopened';
        await this.notifications.notifyAgency(manager, {
          kind,
          agencyId: current.agencyId,
          dedupKey: `${kind}:${id}:${updated.version}`,
          payload: { correctiveActionId: id, inspectionId: current.inspectionId, itemCode: current.itemCode, dueOn: updated.dueOn, note: updated.inspectorNote },
        });
      }
      await this.risk.recompute(manager, [current.agencyId]);
    });
    return this.view(actor, id);
  }

  /**
   * For the `corrective-action-deadlines` job: marks every open action past its due date overdue,
   * in one statement, audits the batch and refreshes the risk of the agencies concerned. Running
   * it twice the same day changes nothing the second time. Returns what became overdue, with the
   * lead inspector to tell.
   */
  async markOverdue(outer?: EntityManager): Promise<OverdueCorrectiveAction[]> {
    return inTransaction(this.dataSource, outer, async (manager) => {
      const rows = (await manager.query(
        `UPDATE corrective_actions c SET status = 'overdue', version = c.version + 1, updated_at = now()
           FROM inspections i
          WHERE i.id = c.inspection_id AND c.status = 'open' AND c.due_on < $1
          RETURNING c.id, c.agency_id AS "agencyId", c.inspection_id AS "inspectionId", c.item_code AS "itemCode",
                    c.due_on::text AS "dueOn", i.lead_inspector_id AS "leadInspectorId"`,
        [this.clock.today()],
      )) as [OverdueCorrectiveAction[], number];
      const overdue = rows[0];
      if (overdue.length > 0) {
        await this.audit.record(manager, { action: 'corrective_action.overdue', entityType: 'corrective_action', after: { count: overdue.length, ids: overdue.slice(0, 1000).map((o) => o.id) } });
        await this.risk.recompute(manager, [...new Set(overdue.map((o) => o.agencyId))]);
      }
      return overdue;
    });
  }

  /** For reminders: open actions due on one of the given dates (e.g. in 7 and 1 days), with agency and lead inspector. */
  async dueOn(dates: string[]): Promise<OverdueCorrectiveAction[]> {
    if (dates.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT c.id, c.agency_id AS "agencyId", c.inspection_id AS "inspectionId", c.item_code AS "itemCode",
              c.due_on::text AS "dueOn", i.lead_inspector_id AS "leadInspectorId"
         FROM corrective_actions c JOIN inspections i ON i.id = c.inspection_id
        WHERE c.status = 'open' AND c.due_on = ANY($1::date[])
        ORDER BY c.due_on, c.id`,
      [dates],
    )) as OverdueCorrectiveAction[];
  }
}
