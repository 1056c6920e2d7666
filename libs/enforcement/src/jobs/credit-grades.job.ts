import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobContext, JobCounts, ScheduledJob } from '@app/scheduler';
import { CaseProposals } from '../case-proposals';
import { DemeritPointsService } from '../demerit-points.service';

/**
 * `credit-grades`, nightly at 03:00: points of substantiated complaints are recorded, every
 * agency's grade recomputed over the last 24 months (old points roll off), and each agency at D
 * gets exactly one proposed revocation case per D episode, however often the job runs.
 */
@Injectable()
export class CreditGradesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly points: DemeritPointsService,
    private readonly cases: CaseProposals,
  ) {}

  @ScheduledJob({
    name: 'credit-grades',
    cron: '0 3 * * *',
    description: {
      en: 'Demerit points over 24 months, credit grades A-D, surveillance of grade C, revocation cases proposed for grade D',
      zh: '按 24 个月内的记分评定信用等级 A–D:C 级列入重点监管,D 级提出吊销案件',
    },
  })
  async run(context: JobContext): Promise<JobCounts> {
    return this.dataSource.transaction(async (manager) => {
      const complaintPoints = await this.points.awardForComplaints(manager, null, context.today);
      const grades = await this.points.recompute(manager, null);
      const proposed = await this.cases.proposeForGradeD(manager, grades.filter((g) => g.grade === 'D'));
      const count = (grade: string) => grades.filter((g) => g.grade === grade).length;
      return { complaintPoints, agencies: grades.length, A: count('A'), B: count('B'), C: count('C'), D: count('D'), proposed };
    });
  }
}
