import { Injectable } from '@nestjs/common';
import { JobCounts, JobDefinition } from '@app/scheduler';
import { RiskService } from '../risk/risk.service';

/** `risk-scores`, nightly at 02:00: every agency's score and factors, recomputed in batches. */
@Injectable()
export class RiskScoresJob {
  constructor(private readonly risk: RiskService) {}

  readonly definition: JobDefinition = {
    name: 'risk-scores',
    cron: '0 2 * * *',
    description: "Recomputes every agency's risk score and its factors (complaint ages decay, inspections age)",
    run: () => this.run(),
  };

  run(): Promise<JobCounts> {
    return this.risk.recomputeAll();
  }
}
