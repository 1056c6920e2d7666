import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@app/access';
import { ComplaintsService } from '@app/complaints';
import { addDays, Clock } from '@app/core';
import { ReadReplicas } from '@app/database';
import { sanctionCountsByProvince } from '@app/enforcement';
import { inspectedSinceSql } from '@app/inspections';
import { activeLicenceAgencyCoverage, licenceCountsByStatusAndProvince } from '@app/licensing';
import { selfAssessmentSubmissionCounts } from '@app/self-assessments';
import { Coverage, LicenceCount, Overview, SanctionsInPeriod } from './reports.dto';

/**
 * The ministry's and bureaus' overview: a read model of aggregates only, each scoped in SQL and
 * asked of the lib that owns its table (licences, inspections, self-assessments, cases, complaints).
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

  /** Published sanctions effective in the period, by province, in the caller's jurisdiction (enforcement's count). */
  private async sanctionsInPeriod(db: DataSource, actor: Actor, from: string, to: string): Promise<SanctionsInPeriod> {
    return { from, to, byProvince: await sanctionCountsByProvince(db, actor, from, to) };
  }

  private licencesByStatusAndProvince(db: DataSource, actor: Actor): Promise<LicenceCount[]> {
    return licenceCountsByStatusAndProvince(db, actor);
  }

  /** Share of agencies holding an active licence that had an inspection submitted in the last 12 months. */
  private async inspectionCoverage(db: DataSource, actor: Actor, since: string): Promise<Coverage> {
    const inspected = (await this.tableExists(db, 'inspections'))
      ? { sql: (agencyId: string) => inspectedSinceSql(agencyId, ':since'), parameters: { since } }
      : undefined;
    return coverage(await activeLicenceAgencyCoverage(db, actor, inspected));
  }

  /** Share of self-assessments due in the last 12 months that were submitted (whatever their review). */
  private async selfAssessmentSubmission(db: DataSource, actor: Actor, since: string, today: string): Promise<Coverage> {
    if (!(await this.tableExists(db, 'self_assessments'))) return { of: 0, count: 0, rate: null };
    return coverage(await selfAssessmentSubmissionCounts(db, actor, since, today));
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

function coverage({ of, count }: { of: number; count: number }): Coverage {
  return { of, count, rate: of > 0 ? Math.round((count / of) * 10_000) / 10_000 : null };
}
