import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { ComplaintsService } from '@app/complaints';
import { addDays, Clock } from '@app/core';
import { ReadReplicas } from '@app/database';
import { Coverage, LicenceCount, Overview, SanctionsInPeriod } from './reports.dto';

const LICENCE_SCOPE = { jurisdiction: 'l.jurisdiction_code', agency: 'l.agency_id' };

/**
 * The ministry's and bureaus' overview. Licences, inspections and self-assessments are read
 * here as a reporting read model (aggregates only, scoped in SQL); complaints through their service.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly replicas: ReadReplicas,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
  ) {}

  /** Aggregates that tolerate a little lag: from a replica, unless the caller wrote in the last moments. */
  overview(actor: Actor): Promise<Overview> {
    return this.replicas.read((db) => this.overviewOn(db, actor), { userId: actor.userId });
  }

  private async overviewOn(db: DataSource, actor: Actor): Promise<Overview> {
    const today = this.clock.today();
    const yearAgo = addDays(today, -365);
    const [licences, inspectionCoverage, selfAssessmentSubmission, complaints, sanctions] = await Promise.all([
      this.licencesByStatusAndProvince(db, actor),
      this.inspectionCoverage(db, actor, yearAgo),
      this.selfAssessmentSubmission(db, actor, yearAgo, today),
      this.complaints.openCounts(actor, db),
      this.sanctionsInPeriod(db, actor, sameDayYearBefore(today), today),
    ]);
    return { asOf: today, licencesByStatusAndProvince: licences, inspectionCoverage, selfAssessmentSubmission, complaints, sanctions };
  }

  /**
   * Published sanctions (as on the public list: decided fines, suspensions and revocations not
   * annulled) effective in the period, by province, in the caller's jurisdiction: one grouped query
   * over the public list's partial index, however many there are.
   */
  private async sanctionsInPeriod(db: DataSource, actor: Actor, from: string, to: string): Promise<SanctionsInPeriod> {
    const qb = db
      .createQueryBuilder()
      .from('enforcement_cases', 'c')
      .select(`substr(c.jurisdiction_code, 1, 2) || '0000'`, 'province')
      .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'fine')::int`, 'fine')
      .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'suspension')::int`, 'suspension')
      .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'revocation')::int`, 'revocation')
      .where(`c.decided_sanction IN ('fine', 'suspension', 'revocation') AND c.appeal_outcome IS DISTINCT FROM 'annulled'`)
      .andWhere('c.effective_on BETWEEN :from AND :to', { from, to })
      .groupBy('1')
      .orderBy('1');
    applyScope(qb, actor, { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' });
    const rows = (await qb.getRawMany()) as { province: string; fine: number; suspension: number; revocation: number }[];
    return { from, to, byProvince: rows };
  }

  private async licencesByStatusAndProvince(db: DataSource, actor: Actor): Promise<LicenceCount[]> {
    const qb = db
      .createQueryBuilder()
      .from('licences', 'l')
      .select(`substr(l.jurisdiction_code, 1, 2) || '0000'`, 'province')
      .addSelect('l.status', 'status')
      .addSelect('count(*)', 'licences')
      .groupBy('1, 2')
      .orderBy('1')
      .addOrderBy('2');
    applyScope(qb, actor, LICENCE_SCOPE);
    const rows = (await qb.getRawMany()) as { province: string; status: string; licences: string }[];
    return rows.map((r) => ({ province: r.province, status: r.status, licences: Number(r.licences) }));
  }

  /** Share of agencies holding an active licence that had an inspection submitted in the last 12 months. */
  private async inspectionCoverage(db: DataSource, actor: Actor, since: string): Promise<Coverage> {
    const qb = db
      .createQueryBuilder()
      .from('licences', 'l')
      .select('count(DISTINCT l.agency_id)', 'of')
      .where(`l.status = 'active'`);
    applyScope(qb, actor, LICENCE_SCOPE);
    if (await this.tableExists(db, 'inspections')) {
      qb.addSelect(
        `count(DISTINCT l.agency_id) FILTER (WHERE EXISTS (
           SELECT 1 FROM inspections i WHERE i.agency_id = l.agency_id AND i.status IN ('submitted', 'closed') AND i.submitted_at >= :since))`,
        'count',
      ).setParameter('since', since);
    } else {
      qb.addSelect('0', 'count');
    }
    return coverage((await qb.getRawOne()) as { of: string; count: string });
  }

  /** Share of self-assessments due in the last 12 months that were submitted (whatever their review). */
  private async selfAssessmentSubmission(db: DataSource, actor: Actor, since: string, today: string): Promise<Coverage> {
    if (!(await this.tableExists(db, 'self_assessments'))) return { of: 0, count: 0, rate: null };
    const qb = db
      .createQueryBuilder()
      .from('self_assessments', 's')
      .select('count(*)', 'of')
      .addSelect('count(*) FILTER (WHERE s.submitted_at IS NOT NULL)', 'count')
      .where('s.due_on > :since AND s.due_on <= :today', { since, today });
    applyScope(qb, actor, { jurisdiction: 's.jurisdiction_code', agency: 's.agency_id' });
    return coverage((await qb.getRawOne()) as { of: string; count: string });
  }

  private async tableExists(db: DataSource, name: string): Promise<boolean> {
    const [row] = (await db.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [name])) as { exists: boolean }[];
    return row.exists;
  }
}

/** The same calendar day a year earlier (29 February: the 28th). */
function sameDayYearBefore(day: string): string {
  const previous = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return previous.endsWith('-02-29') ? `${previous.slice(0, 8)}28` : previous;
}

function coverage(row: { of: string; count: string }): Coverage {
  const of = Number(row.of);
  const count = Number(row.count);
  return { of, count, rate: of > 0 ? Math.round((count / of) * 10_000) / 10_000 : null };
}
