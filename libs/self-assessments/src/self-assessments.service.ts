import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgenciesService, agenciesInScopeQuery, AgencyNames, agencyNames } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import { ChecklistsService, Language, pick } from '@app/checklists';
import { byCreation, checkVersion, Clock, countByStatus, FieldProblem, Page, paginateViews, Problems, StatusCountsView, statusCountsView, updateVersionedAndRead } from '@app/core';
import { holdsLicenceInForceSql } from '@app/licensing';
import { RiskService, scoreSelfAssessment } from '@app/inspections';
import { NotificationsService } from '@app/notifications';
import { DISCREPANCIES_OF_S } from './discrepancies';
import { SELF_ASSESSMENT_STATUSES, SelfAssessment, SelfAssessmentAnswer, SelfAssessmentStatus } from './self-assessment.entity';
import { DiscrepancyView, OpenRoundRequest, OpenRoundView, PutAnswersRequest, ReviewRequest, SelfAssessmentDetailView, SelfAssessmentQuery, VersionRequest } from './self-assessments.dto';

/** A self-assessment the agency has yet to submit, as the deadline job sees it. */
export interface PendingSelfAssessment {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  period: number;
  dueOn: string;
  status: SelfAssessmentStatus;
  openedByBureauId: string | null;
}

export const SELF_ASSESSMENT_SCOPE = { jurisdiction: 's.jurisdiction_code', agency: 's.agency_id' };

/** Statuses in which the agency may still change its answers. */
const EDITABLE: SelfAssessmentStatus[] = ['draft', 'returned'];
const UNDER_REVIEW: SelfAssessmentStatus[] = ['submitted', 'resubmitted'];

@Injectable()
export class SelfAssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly checklists: ChecklistsService,
    private readonly audit: AuditService,
    private readonly risk: RiskService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async counts(actor: Actor): Promise<StatusCountsView> {
    return statusCountsView(await countByStatus(applyScope(this.dataSource.getRepository(SelfAssessment).createQueryBuilder('s'), actor, SELF_ASSESSMENT_SCOPE), 's.status', SELF_ASSESSMENT_STATUSES));
  }

  list(actor: Actor, query: SelfAssessmentQuery): Promise<Page<SelfAssessment & AgencyNames>> {
    const qb = applyScope(this.dataSource.getRepository(SelfAssessment).createQueryBuilder('s'), actor, SELF_ASSESSMENT_SCOPE);
    if (query.agencyId) qb.andWhere('s.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.period) qb.andWhere('s.period = :period', { period: query.period });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}(s.status IN ('draft', 'returned') AND s.due_on < :today)`, { today: this.clock.today() });
    }
    if (query.returned !== undefined) qb.andWhere(query.returned ? `s.status = 'returned'` : `s.status <> 'returned'`);
    if (query.withDiscrepancies !== undefined) qb.andWhere(`${query.withDiscrepancies ? '' : 'NOT '}EXISTS (${DISCREPANCIES_OF_S})`);
    // The agency's names ride along, so a reviewer's queue reads as agencies, not ids.
    return paginateViews(qb, query, byCreation('s'), agencyNames('s.agency_id'));
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<SelfAssessment> {
    const found = await applyScope(manager.createQueryBuilder(SelfAssessment, 's'), actor, SELF_ASSESSMENT_SCOPE).andWhere('s.id = :id', { id }).getOne();
    if (!found) throw Problems.notFound('Self-assessment', id);
    return found;
  }

  ofAgency(agencyId: string): Promise<SelfAssessment[]> {
    return this.dataSource.getRepository(SelfAssessment).find({ where: { agencyId }, order: { period: 'DESC' }, take: 20 });
  }

  async detail(actor: Actor, id: string, language: Language): Promise<SelfAssessmentDetailView> {
    const assessment = await this.get(actor, id);
    const [{ items }, answers, discrepancies] = await Promise.all([
      this.checklists.get(assessment.templateId),
      this.dataSource.getRepository(SelfAssessmentAnswer).findBy({ selfAssessmentId: id }),
      this.discrepancies(id),
    ]);
    const byCode = new Map(answers.map((a) => [a.itemCode, a]));
    return {
      ...assessment,
      answers: items.map((item) => ({
        itemCode: item.code,
        section: item.section,
        text: pick(language, item.textZh, item.textEn),
        textZh: item.textZh,
        textEn: item.textEn,
        answer: byCode.get(item.code)?.answer ?? null,
        comment: byCode.get(item.code)?.comment ?? null,
      })),
      discrepancies,
    };
  }

  async discrepancies(id: string): Promise<DiscrepancyView[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.item_code AS "itemCode", d.inspection_id AS "inspectionId", d.inspection_date::text AS "inspectionDate"
         FROM self_assessments s, LATERAL (${DISCREPANCIES_OF_S}) d
        WHERE s.id = $1
        ORDER BY d.item_code, d.inspection_date`,
      [id],
    )) as DiscrepancyView[];
    return rows;
  }

  /**
   * Opens a round: one self-assessment for the agency named, or for every agency in the admin's
   * jurisdiction with a licence in force, in one INSERT ... SELECT. Agencies that already have one
   * for the period keep it (the unique key makes the round safe to open twice).
   */
  async openRound(actor: Actor, request: OpenRoundRequest): Promise<OpenRoundView> {
    if (request.dueOn < this.clock.today()) throw Problems.invalid([{ field: 'dueOn', message: 'dueOn must be today or later' }]);
    return this.dataSource.transaction(async (manager) => {
      const { template } = await this.checklists.forUse('self_assessment', request.templateId, manager);
      const agencies = agenciesInScopeQuery(manager, actor);
      if (request.agencyId) {
        await this.agencies.get(actor, request.agencyId, manager);
        agencies.andWhere('a.id = :agencyId', { agencyId: request.agencyId });
      } else {
        agencies.andWhere(holdsLicenceInForceSql('a.id'));
      }
      const [select, parameters] = agencies
        .select('a.id', 'agency_id')
        .addSelect('a.jurisdiction_code', 'jurisdiction_code')
        .addSelect('CAST(:templateId AS uuid)', 'template_id')
        .addSelect('CAST(:period AS int)', 'period')
        .addSelect('CAST(:dueOn AS date)', 'due_on')
        .addSelect('CAST(:bureauId AS uuid)', 'opened_by_bureau_id')
        .setParameters({ templateId: template.id, period: request.period, dueOn: request.dueOn, bureauId: actor.bureauId })
        .getQueryAndParameters();
      const [{ total, ids }] = (await manager.query(
        `WITH round AS (${select}),
              inserted AS (
                INSERT INTO self_assessments (template_id, period, due_on, opened_by_bureau_id, agency_id, jurisdiction_code, status)
                SELECT template_id, period, due_on, opened_by_bureau_id, agency_id, jurisdiction_code, 'draft' FROM round
                ON CONFLICT (agency_id, period) DO NOTHING
                RETURNING id)
         SELECT (SELECT count(*)::int FROM round) AS total, COALESCE((SELECT array_agg(id) FROM inserted), '{}') AS ids`,
        parameters,
      )) as { total: number; ids: string[] }[];
      const created = ids.map((id) => ({ id }));
      const items = created.length === 0 ? [] : await manager.getRepository(SelfAssessment).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: created.map((c) => c.id) }).getMany();
      await this.audit.record(manager, {
        action: 'self_assessment.open_round',
        entityType: 'self_assessment',
        entityId: request.agencyId && items[0] ? items[0].id : null,
        after: { period: request.period, dueOn: request.dueOn, templateId: template.id, created: items.length, ids: created.slice(0, 1000).map((c) => c.id) },
      });
      await this.notifications.notifyAgencies(
        manager,
        items.map((item) => ({
          kind: 'self_assessment.opened',
          agencyId: item.agencyId,
          dedupKey: `self_assessment.opened:${item.id}`,
          payload: { selfAssessmentId: item.id, period: item.period, dueOn: item.dueOn },
        })),
      );
      return { created: items.length, skipped: total - items.length, items };
    });
  }

  /** The agency saves its answers so far (replacing what it saved before); only while draft or returned. */
  async putAnswers(actor: Actor, id: string, request: PutAnswersRequest, language: Language = 'zh-CN'): Promise<SelfAssessmentDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      if (!EDITABLE.includes(current.status)) {
        throw Problems.conflict('answers-immutable', `Self-assessment is ${current.status}: its answers can no longer change`, { currentStatus: current.status });
      }
      checkVersion(current, request.version, 'Self-assessment');
      const { items } = await this.checklists.get(current.templateId, manager);
      const problems = answerProblems(items.map((i) => i.code), request.answers.map((a) => a.itemCode));
      if (problems.length > 0) throw Problems.invalid(problems);
      const before = await manager.findBy(SelfAssessmentAnswer, { selfAssessmentId: id });
      await this.update(manager, current, { status: current.status });
      await manager.delete(SelfAssessmentAnswer, { selfAssessmentId: id });
      const answers = request.answers.map((a) => manager.create(SelfAssessmentAnswer, { selfAssessmentId: id, itemCode: a.itemCode, answer: a.answer, comment: a.comment ?? null }));
      if (answers.length > 0) await manager.insert(SelfAssessmentAnswer, answers);
      await this.audit.record(manager, { action: 'self_assessment.answers', entityType: 'self_assessment', entityId: id, before, after: answers });
    });
    return this.detail(actor, id, language);
  }

  /** Submits (or resubmits after a return): every item must be answered; the score is fixed now. */
  async submit(actor: Actor, id: string, request: VersionRequest): Promise<SelfAssessment> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      const to: SelfAssessmentStatus = current.status === 'returned' ? 'resubmitted' : 'submitted';
      if (!EDITABLE.includes(current.status)) throw Problems.illegalTransition('Self-assessment', current.status, to);
      checkVersion(current, request.version, 'Self-assessment');
      // One connection per transaction: its queries run one after another.
      const { items } = await this.checklists.get(current.templateId, manager);
      const answers = await manager.findBy(SelfAssessmentAnswer, { selfAssessmentId: id });
      const answered = new Set(answers.map((a) => a.itemCode));
      const missing = items.filter((i) => !answered.has(i.code)).map((i) => i.code);
      if (missing.length > 0) throw Problems.invalid([{ field: 'answers', message: `every item needs an answer before submitting; missing: ${missing.join(', ')}` }]);
      const updated = await this.update(manager, current, { status: to, score: scoreSelfAssessment(answers.map((a) => a.answer)), submittedAt: this.clock.now() });
      await this.audit.record(manager, { action: `self_assessment.${to === 'submitted' ? 'submit' : 'resubmit'}`, entityType: 'self_assessment', entityId: id, before: current, after: updated });
      await this.risk.recompute(manager, [current.agencyId]);
      return updated;
    });
  }

  /** The bureau accepts, or returns with a note saying what to change. */
  async review(actor: Actor, id: string, request: ReviewRequest): Promise<SelfAssessment> {
    if (request.decision === 'return' && !request.note) throw Problems.invalid([{ field: 'note', message: 'say what the agency must change' }]);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      const to: SelfAssessmentStatus = request.decision === 'accept' ? 'accepted' : 'returned';
      if (!UNDER_REVIEW.includes(current.status)) throw Problems.illegalTransition('Self-assessment', current.status, to);
      checkVersion(current, request.version, 'Self-assessment');
      const updated = await this.update(manager, current, { status: to, reviewNote: request.note ?? null, reviewedBy: actor.userId, reviewedAt: this.clock.now() });
      await this.audit.record(manager, { action: `self_assessment.${request.decision}`, entityType: 'self_assessment', entityId: id, before: current, after: updated });
      if (to === 'returned') {
        await this.notifications.notifyAgency(manager, {
          kind: 'self_assessment.returned',
          agencyId: current.agencyId,
          dedupKey: `self_assessment.returned:${id}:${updated.version}`,
          payload: { selfAssessmentId: id, period: current.period, dueOn: current.dueOn, note: request.note },
        });
      }
      await this.risk.recompute(manager, [current.agencyId]);
      return updated;
    });
  }

  /**
   * For the `self-assessment-deadlines` job: self-assessments the agency still has to submit
   * (draft or returned) that are due on one of the dates (reminders 30 and 7 days ahead), or,
   * with `overdue`, due before today.
   */
  async awaitingSubmission(filter: { dueOn: string[] } | { overdue: true }): Promise<PendingSelfAssessment[]> {
    const [condition, parameter] = 'overdue' in filter ? ['s.due_on < $1::date', this.clock.today()] : ['s.due_on = ANY($1::date[])', filter.dueOn];
    return (await this.dataSource.query(
      `SELECT s.id, s.agency_id AS "agencyId", s.jurisdiction_code AS "jurisdictionCode", s.period, s.due_on::text AS "dueOn", s.status,
              s.opened_by_bureau_id AS "openedByBureauId"
         FROM self_assessments s
        WHERE s.status IN ('draft', 'returned') AND ${condition}
        ORDER BY s.due_on, s.id`,
      [parameter],
    )) as PendingSelfAssessment[];
  }

  private async update(manager: EntityManager, current: SelfAssessment, changes: Partial<SelfAssessment>): Promise<SelfAssessment> {
    return updateVersionedAndRead(manager, SelfAssessment, current, changes, 'Self-assessment');
  }
}

/** Unknown and duplicate item codes; a draft may leave items out. */
export function answerProblems(known: string[], given: string[]): FieldProblem[] {
  const knownSet = new Set(known);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  given.forEach((code, index) => {
    if (!knownSet.has(code)) problems.push({ field: `answers[${index}].itemCode`, message: `${code} is not an item of this self-assessment's checklist` });
    else if (seen.has(code)) problems.push({ field: `answers[${index}].itemCode`, message: `${code} is given more than once` });
    seen.add(code);
  });
  return problems;
}
