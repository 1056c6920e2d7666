import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AGENCY_ROWS_SQL, announcePublicChange } from '@app/agencies';
import { AuditService } from '@app/audit';
import { checkVersion, Clock, Problems, updateVersioned } from '@app/core';
import { ComplaintsService } from '@app/complaints';
import { InspectionsService } from '@app/inspections';
import { creditReasonTexts } from '@app/licensing';
import { NotificationsService } from '@app/notifications';
import { jurisdictionNamesOf } from '@app/jurisdictions';
import { DemeritRule, EnforcementCase, FineThreshold } from './case.entity';
import { addMonths, creditGrade, CreditGrade, GRADE_C_POINTS, POINTS_WINDOW_MONTHS, SURVEILLANCE_MONTHS } from './case-rules';
import { CreditGradeView, CreditReason, DemeritRuleView, FineThresholdView, PutFineThresholdRequest, UpdateDemeritRuleRequest } from './cases.dto';

/**
 * Complaints alone count for at most this many points over the window: they can make an agency B,
 * never C or D, which take sanctions decided with due process (a complaint's outcome is not one).
 */
export const COMPLAINT_POINTS_CAP = GRADE_C_POINTS - 1;

export interface AgencyGrade {
  agencyId: string;
  grade: CreditGrade;
  previous: CreditGrade | null;
  gradeSince: string;
}

/**
 * Demerit points (MOM-style, from a rules table the ministry edits) and the credit grades they
 * give: points of decided sanctions and substantiated complaints over a rolling 24 months.
 */
@Injectable()
export class DemeritPointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly complaints: ComplaintsService,
    private readonly inspections: InspectionsService,
    private readonly notifications: NotificationsService,
  ) {}

  async rules(): Promise<DemeritRuleView[]> {
    return this.dataSource.getRepository(DemeritRule).find({ order: { source: 'DESC', points: 'ASC' } });
  }

  async updateRule(id: string, request: UpdateDemeritRuleRequest): Promise<DemeritRuleView> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await manager.findOneBy(DemeritRule, { id });
      if (!rule) throw Problems.notFound('Demerit rule', id);
      checkVersion(rule, request.version, 'Demerit rule');
      await updateVersioned(manager, DemeritRule, rule, { points: request.points }, 'Demerit rule');
      const updated = await manager.findOneByOrFail(DemeritRule, { id });
      await this.audit.record(manager, { action: 'demerit_rule.update', entityType: 'demerit_rule', entityId: id, before: rule, after: updated });
      return updated;
    });
  }

  async thresholds(): Promise<FineThresholdView[]> {
    return this.dataSource.getRepository(FineThreshold).find({ order: { provinceCode: 'ASC' } });
  }

  /** Sets a province's large-amount fine; a province code must name a province of the register. */
  async putThreshold(province: string, request: PutFineThresholdRequest): Promise<FineThresholdView> {
    if (!/^\d{2}0000$/.test(province)) throw Problems.invalid([{ field: 'province', message: 'province must be a province code such as 35 or 350000' }]);
    return this.dataSource.transaction(async (manager) => {
      const known = (await jurisdictionNamesOf(manager, [province], 'province')).has(province);
      if (!known) throw Problems.notFound('Province', province);
      const current = await manager.findOneBy(FineThreshold, { provinceCode: province });
      if (current) {
        checkVersion(current, request.version, 'Fine threshold');
        await updateVersioned(manager, FineThreshold, { keyColumns: { province_code: province }, version: current.version }, { largeAmount: request.largeAmount }, 'Fine threshold');
      } else {
        await manager.createQueryBuilder().insert().into(FineThreshold).values({ provinceCode: province, largeAmount: request.largeAmount }).orIgnore().execute();
      }
      const updated = await manager.findOneByOrFail(FineThreshold, { provinceCode: province });
      await this.audit.record(manager, { action: 'fine_threshold.put', entityType: 'fine_threshold', before: current ?? undefined, after: updated });
      return updated;
    });
  }

  /** The large amount of the province of a division code, or null while the province has set none. */
  async largeAmount(manager: EntityManager, jurisdictionCode: string): Promise<number | null> {
    const row = await manager.findOneBy(FineThreshold, { provinceCode: `${jurisdictionCode.slice(0, 2)}0000` });
    return row?.largeAmount ?? null;
  }

  /** Points of a decided sanction, once per case. */
  async awardForCase(manager: EntityManager, c: EnforcementCase, today: string): Promise<void> {
    if (!c.decidedSanction || c.decidedSanction === 'none') return;
    await manager.query(
      `INSERT INTO demerit_points (agency_id, source, source_id, points, reason, awarded_on)
       SELECT $1, 'case', $2, r.points, $3, $4 FROM demerit_rules r WHERE r.source = 'sanction' AND r.key = $5
       ON CONFLICT (source, source_id) DO NOTHING`,
      [c.agencyId, c.id, `${c.caseNumber}: ${c.decidedSanction}`, today, c.decidedSanction],
    );
  }

  /** A varied decision's points become those of the varied sanction (still awarded on the day of the decision). */
  async revalueForCase(manager: EntityManager, c: EnforcementCase): Promise<void> {
    await manager.query(
      `UPDATE demerit_points p SET points = r.points, reason = $3
         FROM demerit_rules r
        WHERE p.source = 'case' AND p.source_id = $1 AND p.voided_at IS NULL AND r.source = 'sanction' AND r.key = $2`,
      [c.id, c.decidedSanction, `${c.caseNumber}: ${c.decidedSanction}`],
    );
  }

  /** An annulled decision's points stop counting. */
  async voidForCase(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE demerit_points SET voided_at = $2 WHERE source = 'case' AND source_id = $1 AND voided_at IS NULL`, [caseId, this.clock.now()]);
  }

  /** Points of substantiated complaints resolved in the last 24 months that have none yet (idempotent). */
  async awardForComplaints(manager: EntityManager, agencyIds: string[] | null, today: string): Promise<number> {
    const since = new Date(`${addMonths(today, -POINTS_WINDOW_MONTHS)}T00:00:00+08:00`);
    const complaints = await this.complaints.substantiatedSince(agencyIds, since, manager);
    if (complaints.length === 0) return 0;
    const rows = (await manager.query(
      `WITH inserted AS (
         INSERT INTO demerit_points (agency_id, source, source_id, points, reason, awarded_on)
         SELECT c.agency_id, 'complaint', c.id, r.points, 'Substantiated complaint (' || c.severity || ')', (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS c(id, agency_id, severity, tracking_code, resolved_at)
           JOIN demerit_rules r ON r.source = 'complaint' AND r.key = c.severity
         ON CONFLICT (source, source_id) DO NOTHING RETURNING 1
       ) SELECT count(*)::int AS n FROM inserted`,
      // The reason names no tracking code: reasons are shown on the public register.
      [complaints.map((c) => c.id), complaints.map((c) => c.agencyId), complaints.map((c) => c.severity), complaints.map((c) => c.trackingCode), complaints.map((c) => c.resolvedAt)],
    )) as { n: number }[];
    return rows[0].n;
  }

  /**
   * Recomputes the grades of these agencies (all when null) from their points in the 24 months
   * up to today, stores them, and announces the changed ones to the public register's caches.
   */
  async recompute(manager: EntityManager, agencyIds: string[] | null): Promise<AgencyGrade[]> {
    const today = this.clock.today();
    const windowStart = addMonths(today, -POINTS_WINDOW_MONTHS);
    const points = (await manager.query(
      `SELECT a.id AS "agencyId", a.uscc,
              (coalesce(sum(p.points) FILTER (WHERE p.source = 'case'), 0) + least(coalesce(sum(p.points) FILTER (WHERE p.source = 'complaint'), 0), ${COMPLAINT_POINTS_CAP}))::int AS points,
              coalesce(jsonb_agg(jsonb_build_object('points', p.points, 'reason', p.reason, 'awardedOn', p.awarded_on::text,
                                                    'expiresOn', (p.awarded_on + interval '${POINTS_WINDOW_MONTHS} months')::date::text)
                                 ORDER BY p.awarded_on DESC, p.reason) FILTER (WHERE p.id IS NOT NULL), '[]') AS reasons,
              g.grade AS previous, g.grade_since::text AS "gradeSince", g.surveillance_due_on::text AS "surveillanceDueOn"
         FROM ${AGENCY_ROWS_SQL} a
         LEFT JOIN demerit_points p ON p.agency_id = a.id AND p.voided_at IS NULL AND p.awarded_on > $2::date AND p.awarded_on <= $3::date
         LEFT JOIN agency_credit_grades g ON g.agency_id = a.id
        WHERE $1::uuid[] IS NULL OR a.id = ANY($1::uuid[])
        GROUP BY a.id, a.uscc, g.agency_id`,
      [agencyIds, windowStart, today],
    )) as { agencyId: string; uscc: string; points: number; reasons: Omit<CreditReason, 'reasonZh' | 'reasonEn'>[]; previous: CreditGrade | null; gradeSince: string | null; surveillanceDueOn: string | null }[];
    const last = await this.inspections.lastOutcomes(agencyIds, manager);
    const now = this.clock.now();
    const rows = points.map((p) => {
      const grade = creditGrade(p.points, last.get(p.agencyId)?.outcome === 'compliant');
      const gradeSince = grade === p.previous && p.gradeSince ? p.gradeSince : today;
      const surveillanceDueOn = grade === 'C' ? (p.previous === 'C' && p.surveillanceDueOn ? p.surveillanceDueOn : addMonths(today, SURVEILLANCE_MONTHS)) : null;
      return { ...p, grade, gradeSince, surveillanceDueOn };
    });
    if (rows.length > 0) {
      await manager.query(
        `INSERT INTO agency_credit_grades (agency_id, grade, points, reasons, grade_since, surveillance_due_on, computed_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[], $5::date[], $6::date[], $7::timestamptz[])
         ON CONFLICT (agency_id) DO UPDATE SET grade = excluded.grade, points = excluded.points, reasons = excluded.reasons,
           grade_since = excluded.grade_since, surveillance_due_on = excluded.surveillance_due_on, computed_at = excluded.computed_at`,
        [
          rows.map((r) => r.agencyId),
          rows.map((r) => r.grade),
          rows.map((r) => r.points),
          rows.map((r) => JSON.stringify(r.reasons)),
          rows.map((r) => r.gradeSince),
          rows.map((r) => r.surveillanceDueOn),
          rows.map(() => now),
        ],
      );
    }
    const changed = rows.filter((r) => r.grade !== r.previous).map((r) => r.uscc);
    if (changed.length > 0) await announcePublicChange(manager, changed.length > 100 ? ['*'] : changed);
    await this.surveil(manager, agencyIds);
    return rows.map((r) => ({ agencyId: r.agencyId, grade: r.grade, previous: r.previous, gradeSince: r.gradeSince }));
  }

  /**
   * Grade C puts an agency under surveillance: one surveillance inspection per entry into C (the
   * grade row keeps its id while the agency stays at C, and forgets it when it leaves), planned
   * for the bureau governing the agency and due by the end of the surveillance period; that
   * bureau's admins are told. However often grades are recomputed, an entry plans one.
   */
  private async surveil(manager: EntityManager, agencyIds: string[] | null): Promise<void> {
    await manager.query(
      `UPDATE agency_credit_grades SET surveillance_inspection_id = NULL
        WHERE grade <> 'C' AND surveillance_inspection_id IS NOT NULL AND ($1::uuid[] IS NULL OR agency_id = ANY($1::uuid[]))`,
      [agencyIds],
    );
    const entering = (await manager.query(
      `SELECT g.agency_id AS "agencyId", a.jurisdiction_code AS "jurisdictionCode", a.name_zh AS "nameZh", a.name_en AS "nameEn",
              g.grade_since::text AS "gradeSince", g.surveillance_due_on::text AS "dueOn"
         FROM agency_credit_grades g JOIN ${AGENCY_ROWS_SQL} a ON a.id = g.agency_id
        WHERE g.grade = 'C' AND g.surveillance_inspection_id IS NULL AND ($1::uuid[] IS NULL OR g.agency_id = ANY($1::uuid[]))
        ORDER BY g.agency_id`,
      [agencyIds],
    )) as { agencyId: string; jurisdictionCode: string; nameZh: string; nameEn: string | null; gradeSince: string; dueOn: string }[];
    for (const agency of entering) {
      const inspection = await this.inspections.planSurveillance(manager, agency);
      if (!inspection) continue;
      await manager.query(`UPDATE agency_credit_grades SET surveillance_inspection_id = $2 WHERE agency_id = $1`, [agency.agencyId, inspection.id]);
      await this.notifications.notifyResponsible(manager, {
        kind: 'credit_grade.surveillance',
        bureauId: inspection.bureauId,
        jurisdictionCode: agency.jurisdictionCode,
        dedupKey: `credit_grade.surveillance:${inspection.id}`,
        payload: {
          agencyId: agency.agencyId,
          agencyNameZh: agency.nameZh,
          agencyNameEn: agency.nameEn,
          gradeSince: agency.gradeSince,
          dueOn: agency.dueOn,
          inspectionId: inspection.id,
          leadInspectorId: inspection.leadInspectorId,
        },
      });
    }
  }

  /** An agency's grade and the reasons behind it (its profile); null before the first computation. */
  async gradeOf(agencyId: string): Promise<CreditGradeView | null> {
    const [row] = (await this.dataSource.query(
      `SELECT grade, points, reasons, grade_since::text AS "gradeSince", surveillance_due_on::text AS "surveillanceDueOn", computed_at AS "computedAt"
         FROM agency_credit_grades WHERE agency_id = $1`,
      [agencyId],
    )) as CreditGradeView[];
    if (!row) return null;
    return { ...row, reasons: row.reasons.map((r) => ({ ...r, reasonZh: creditReasonTexts(r.reason).zh, reasonEn: creditReasonTexts(r.reason).en })) };
  }

  /** Grades C and D as risk: an agency under surveillance rises in the inspection priorities. */
  async surveillance(manager: EntityManager, agencyIds: string[]): Promise<{ agencyId: string; grade: CreditGrade; surveillanceDueOn: string | null }[]> {
    return (await manager.query(
      `SELECT agency_id AS "agencyId", grade, surveillance_due_on::text AS "surveillanceDueOn" FROM agency_credit_grades WHERE agency_id = ANY($1::uuid[]) AND grade IN ('C', 'D')`,
      [agencyIds],
    )) as { agencyId: string; grade: CreditGrade; surveillanceDueOn: string | null }[];
  }
}

