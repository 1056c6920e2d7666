import { Injectable, Logger } from '@nestjs/common';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { ComplaintRollup } from '../complaint-rollup';

/**
 * `complaint-rollup-check`, daily at 03:00: compares the trends rollup with a recount of the
 * complaints and rebuilds it if they differ (they should not: a trigger maintains it).
 */
@Injectable()
export class ComplaintRollupCheckJob {
  private readonly logger = new Logger(ComplaintRollupCheckJob.name);

  constructor(private readonly rollup: ComplaintRollup) {}

  @ScheduledJob({
    name: 'complaint-rollup-check',
    cron: '0 3 * * *',
    description: {
      en: 'Checks the complaint trends rollup against the complaints; rebuilds it if they differ',
      zh: '核对投诉趋势汇总表与投诉记录;不一致时重建汇总',
    },
  })
  async run(): Promise<JobCounts> {
    const discrepancies = await this.rollup.discrepancies();
    if (discrepancies === 0) return { discrepancies: 0, rebuiltRows: 0 };
    this.logger.warn(`The complaint rollup differs from the complaints in ${discrepancies} row(s); rebuilding it`);
    const { rows } = await this.rollup.rebuild();
    return { discrepancies, rebuiltRows: rows };
  }
}
