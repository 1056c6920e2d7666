import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { agencyNames, AgenciesService } from '@app/agencies';
import { AuditService } from '@app/audit';
import { Actor, applyScope } from '@app/access';
import type { Readable } from 'node:stream';
import { byCreation, checkVersion, Clock, csvExport, fetchView, Language, Page, paginateViews, Problems, updateVersionedAndRead } from '@app/core';
import { streamViews } from '@app/database';
import { ANNUAL_REPORT_EXPORT_COLUMNS } from './annual-report-export';
import { NotificationsService } from '@app/notifications';
import { PlacementsService } from '@app/placements';
import { AnnualReport, AnnualReportStatus } from './annual-report.entity';
import { comparePlacements, consistencyProblems, dueOnOf, FIGURES, missingFigures } from './annual-report-rules';
import { AnnualReportFigures, AnnualReportQuery, AnnualReportReviewRequest, AnnualReportVersionRequest, AnnualReportView, CreateAnnualReportRequest, UpdateAnnualReportRequest } from './annual-reports.dto';

export const ANNUAL_REPORT_SCOPE = { jurisdiction: 'r.jurisdiction_code', agency: 'r.agency_id' };
const NAMES = agencyNames('r.agency_id');
const EDITABLE: AnnualReportStatus[] = ['draft', 'returned'];
const UNDER_REVIEW: AnnualReportStatus[] = ['submitted', 'resubmitted'];

/** A report recorded overdue, for enforcement (demerit points) once it is wired in. */
export interface OverdueAnnualReport {
  id: string;
  agencyId: string;
  jurisdictionCode: string;
  year: number;
  overdueAt: Date;
  status: AnnualReportStatus;
}

/**
 * Annual reports: the agency files its report for the previous year (draft, save, submit; after a
 * return, correct and resubmit); the bureau accepts or returns it. One per agency and year.
 */
@Injectable()
export class AnnualReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly placements: PlacementsService,
  ) {}

  async list(actor: Actor, query: AnnualReportQuery): Promise<Page<AnnualReportView>> {
    const page = await paginateViews(this.filtered(actor, query), query, byCreation('r'), NAMES);
    return { ...page, items: page.items.map(toView) };
  }

  /** Every report of the list in the caller's scope and filters, newest first, as CSV in the reader's language (streamed; the export audited). */
  async exportCsv(actor: Actor, query: AnnualReportQuery, language: Language): Promise<Readable> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    await this.audit.record(this.dataSource.manager, { action: 'annual_report.export', entityType: 'annual_report', after: { filters, language } });
    const rows = streamViews(this.dataSource, this.filtered(actor, query).orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC'), NAMES);
    async function* views(): AsyncGenerator<AnnualReportView> {
      for await (const row of rows) yield toView(row);
    }
    return csvExport(ANNUAL_REPORT_EXPORT_COLUMNS, views(), language);
  }

  private filtered(actor: Actor, query: AnnualReportQuery) {
    const qb = applyScope(this.dataSource.getRepository(AnnualReport).createQueryBuilder('r'), actor, ANNUAL_REPORT_SCOPE);
    if (query.agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.year) qb.andWhere('r.year = :year', { year: query.year });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.awaitingReview !== undefined) qb.andWhere(`r.status ${query.awaitingReview ? '' : 'NOT '}IN ('submitted', 'resubmitted')`);
    if (query.feeFlag !== undefined) qb.andWhere(query.feeFlag ? 'r.fee_flag' : 'NOT r.fee_flag');
    if (query.overdue !== undefined) qb.andWhere(`r.overdue_at IS ${query.overdue ? 'NOT ' : ''}NULL`);
    if (query.jurisdiction) qb.andWhere('r.jurisdiction_code LIKE :jurisdiction', { jurisdiction: `${query.jurisdiction.replace(/0+$/, '')}%` });
    return qb;
  }

  async view(actor: Actor, id: string): Promise<AnnualReportView> {
    const found = await fetchView(applyScope(this.dataSource.getRepository(AnnualReport).createQueryBuilder('r'), actor, ANNUAL_REPORT_SCOPE).andWhere('r.id = :id', { id }), NAMES);
    if (!found) throw Problems.notFound('Annual report', id);
    // The review compares what the agency declares abroad with the placements it filed that year.
    const comparison = comparePlacements(found.placementsAbroad, await this.placements.filedByDestination(found.agencyId, found.year));
    return { ...toView(found), placementComparison: comparison, placementsDiffer: comparison.some((row) => row.differs) };
  }

  private async get(actor: Actor, id: string, manager: EntityManager): Promise<AnnualReport> {
    const found = await applyScope(manager.createQueryBuilder(AnnualReport, 'r'), actor, ANNUAL_REPORT_SCOPE).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!found) throw Problems.notFound('Annual report', id);
    return found;
  }

  /** The agency opens its report for a year that has ended (a draft, with whatever figures it has). */
  async create(actor: Actor, request: CreateAnnualReportRequest): Promise<AnnualReportView> {
    if (!actor.agencyId) throw Problems.forbidden('Only agency staff file annual reports');
    const thisYear = Number(this.clock.today().slice(0, 4));
    if (request.year >= thisYear) throw Problems.invalid([{ field: 'year', message: `a report covers a year that has ended: ${thisYear - 1} or earlier` }]);
    const agency = await this.agencies.get(actor, actor.agencyId);
    const figures = figuresOf(request);
    const problems = consistencyProblems({ ...emptyFigures(), ...figures });
    if (problems.length > 0) throw Problems.invalid(problems);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO annual_reports (agency_id, jurisdiction_code, year, status) VALUES ($1, $2, $3, 'draft')
         ON CONFLICT (agency_id, year) DO NOTHING RETURNING id`,
        [agency.id, agency.jurisdictionCode, request.year],
      )) as { id: string }[];
      if (!row) {
        const [existing] = (await manager.query(`SELECT id FROM annual_reports WHERE agency_id = $1 AND year = $2`, [agency.id, request.year])) as { id: string }[];
        throw Problems.conflict('annual-report-exists', `The agency already has its annual report for ${request.year}; open it instead`, { existingId: existing.id });
      }
      if (Object.keys(figures).length > 0) await manager.update(AnnualReport, { id: row.id }, figures);
      const created = await manager.findOneByOrFail(AnnualReport, { id: row.id });
      await this.audit.record(manager, { action: 'annual_report.create', entityType: 'annual_report', entityId: row.id, after: created });
      return row.id;
    });
    return this.view(actor, id);
  }

  /** The agency saves its figures so far (draft or returned only); figures left out stay as saved. */
  async update(actor: Actor, id: string, request: UpdateAnnualReportRequest): Promise<AnnualReportView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      if (!EDITABLE.includes(current.status)) {
        throw Problems.conflict('annual-report-immutable', `Annual report is ${current.status}: its figures can no longer change`, { currentStatus: current.status });
      }
      checkVersion(current, request.version, 'Annual report');
      const figures = figuresOf(request);
      const problems = consistencyProblems({ ...current, ...figures });
      if (problems.length > 0) throw Problems.invalid(problems);
      const updated = await this.write(manager, current, figures);
      await this.audit.record(manager, { action: 'annual_report.update', entityType: 'annual_report', entityId: id, before: current, after: updated });
    });
    return this.view(actor, id);
  }

  /** Submits (or resubmits after a return): every figure given and consistent. */
  async submit(actor: Actor, id: string, request: AnnualReportVersionRequest): Promise<AnnualReportView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      const to: AnnualReportStatus = current.status === 'returned' ? 'resubmitted' : 'submitted';
      if (!EDITABLE.includes(current.status)) throw Problems.illegalTransition('Annual report', current.status, to);
      checkVersion(current, request.version, 'Annual report');
      const missing = missingFigures(current);
      if (missing.length > 0) throw Problems.invalid(missing.map((field) => ({ field, message: `${field} is required before submitting` })));
      const problems = consistencyProblems(current, true);
      if (problems.length > 0) throw Problems.invalid(problems);
      const now = this.clock.now();
      const updated = await this.write(manager, current, { status: to, submittedAt: now, firstSubmittedAt: current.firstSubmittedAt ?? now });
      await this.audit.record(manager, { action: `annual_report.${to === 'submitted' ? 'submit' : 'resubmit'}`, entityType: 'annual_report', entityId: id, before: current, after: updated });
    });
    return this.view(actor, id);
  }

  /** The bureau accepts, or returns with a note saying what to correct. */
  async review(actor: Actor, id: string, request: AnnualReportReviewRequest): Promise<AnnualReportView> {
    if (request.decision === 'return' && !request.note) throw Problems.invalid([{ field: 'note', message: 'say what the agency must correct' }]);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor, id, manager);
      const to: AnnualReportStatus = request.decision === 'accept' ? 'accepted' : 'returned';
      if (!UNDER_REVIEW.includes(current.status)) throw Problems.illegalTransition('Annual report', current.status, to);
      checkVersion(current, request.version, 'Annual report');
      const updated = await this.write(manager, current, { status: to, reviewNote: request.note ?? null, reviewedBy: actor.userId, reviewedAt: this.clock.now() });
      await this.audit.record(manager, { action: `annual_report.${request.decision}`, entityType: 'annual_report', entityId: id, before: current, after: updated });
      await this.notifications.notifyAgency(manager, {
        kind: `annual_report.${to}`,
        agencyId: current.agencyId,
        dedupKey: `annual_report.${to}:${id}:${updated.version}`,
        payload: { annualReportId: id, year: current.year, note: request.note ?? null },
      });
    });
    return this.view(actor, id);
  }

  /** Reports recorded overdue for a year (enforcement turns them into demerit points). */
  async overdue(year: number): Promise<OverdueAnnualReport[]> {
    return (await this.dataSource.query(
      `SELECT id, agency_id AS "agencyId", jurisdiction_code AS "jurisdictionCode", year, overdue_at AS "overdueAt", status
         FROM annual_reports WHERE year = $1 AND overdue_at IS NOT NULL ORDER BY overdue_at, id`,
      [year],
    )) as OverdueAnnualReport[];
  }

  private async write(manager: EntityManager, current: AnnualReport, changes: Partial<AnnualReport>): Promise<AnnualReport> {
    return updateVersionedAndRead(manager, AnnualReport, current, changes, 'Annual report');
  }
}

function emptyFigures(): Pick<AnnualReport, (typeof FIGURES)[number]> {
  return {
    workersPlacedDomestic: null,
    workersPlacedAbroad: null,
    placementsAbroad: [],
    employersServed: null,
    feesFromEmployersFen: null,
    feesChargedToWorkersFen: null,
    feesChargedToWorkersAbroadFen: null,
    complaintsReceived: null,
    staffCount: null,
    reserveFundBalanceFen: null,
  };
}

/** The figures the request names (undefined = leave as saved; null = clear). */
function figuresOf(request: AnnualReportFigures): Partial<AnnualReport> {
  const figures: Partial<AnnualReport> = {};
  for (const key of FIGURES) {
    const value = request[key];
    if (value === undefined) continue;
    if (key === 'placementsAbroad') figures.placementsAbroad = ((value as AnnualReportFigures['placementsAbroad']) ?? []).map((p) => ({ country: p.country, workers: p.workers }));
    else (figures as Record<string, unknown>)[key] = value;
  }
  return figures;
}

function toView(report: AnnualReport & { agencyNameZh: string; agencyNameEn: string | null }): AnnualReportView {
  return {
    id: report.id,
    agencyId: report.agencyId,
    agencyNameZh: report.agencyNameZh,
    agencyNameEn: report.agencyNameEn,
    jurisdictionCode: report.jurisdictionCode,
    year: report.year,
    dueOn: dueOnOf(report.year),
    status: report.status,
    workersPlacedDomestic: report.workersPlacedDomestic,
    workersPlacedAbroad: report.workersPlacedAbroad,
    placementsAbroad: report.placementsAbroad,
    employersServed: report.employersServed,
    feesFromEmployersFen: report.feesFromEmployersFen,
    feesChargedToWorkersFen: report.feesChargedToWorkersFen,
    feesChargedToWorkersAbroadFen: report.feesChargedToWorkersAbroadFen,
    complaintsReceived: report.complaintsReceived,
    staffCount: report.staffCount,
    reserveFundBalanceFen: report.reserveFundBalanceFen,
    feeFlag: report.feeFlag,
    submittedAt: report.submittedAt,
    firstSubmittedAt: report.firstSubmittedAt,
    reviewNote: report.reviewNote,
    reviewedAt: report.reviewedAt,
    overdueAt: report.overdueAt,
    createdAt: report.createdAt,
    version: report.version,
  };
}
