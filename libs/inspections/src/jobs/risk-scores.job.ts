import { Injectable } from '@nestjs/common';
import { JobCounts, ScheduledJob } from '@app/scheduler';
import { RiskService } from '../risk/risk.service';

/** `risk-scores`, nightly at 02:00: every agency's score and factors, recomputed in batches. */
@Injectable()
export class RiskScoresJob {
  constructor(private readonly risk: RiskService) {}

  @ScheduledJob({
    name: 'risk-scores',
    cron: '0 2 * * *',
    description: {
      en: "Recomputes every agency's risk score and its factors (complaint ages decay, inspections age)",
      zh: '重新计算每家机构的风险分及其因素(投诉随时间减权,检查随时间变旧)',
    },
  })
  run(): Promise<JobCounts> {
    return this.risk.recomputeAll();
  }
}
