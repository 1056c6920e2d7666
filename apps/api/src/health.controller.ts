import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { ProblemDetails } from '@app/core';
import { ReadReplicas } from '@app/database';
import { SchedulerHealth } from '@app/scheduler';
import { DataSource } from 'typeorm';

class HealthStatus {
  @ApiProperty({ type: String, example: 'ok', description: 'Always `ok`: a failing probe answers 503 with a problem' })
  status: 'ok';
}

class ReadinessStatus {
  /**
   * `degraded` still answers 200: the API serves, and an orchestrator must not take every API pod
   * out of service because the worker is down. Monitoring alerts on it (see docs/deployment.md).
   */
  @ApiProperty({ enum: ['ok', 'degraded'], enumName: 'ReadinessState', example: 'ok' })
  status: 'ok' | 'degraded';

  /**
   * Why the status is `degraded`: no process has run the scheduled jobs in 2 minutes, a daily job
   * has not succeeded in 26 hours, or a configured read replica does not answer or lags too far.
   */
  problems: string[];

  /** What an operator should attend to though the API serves, e.g. next year's working calendar missing from 1 December. */
  warnings: string[];
}

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly scheduler: SchedulerHealth,
    private readonly replicas: ReadReplicas,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthStatus })
  live(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: the database answers (503 otherwise); `degraded` (still 200) when the scheduled jobs do not run or a read replica is not usable',
  })
  @ApiOkResponse({ type: ReadinessStatus })
  @ApiServiceUnavailableResponse({ type: ProblemDetails })
  async ready(): Promise<ReadinessStatus> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
    const [scheduler, warnings] = await Promise.all([this.scheduler.state(), this.calendar.missingYearWarnings()]);
    const problems = [...scheduler.problems, ...this.replicas.problems()];
    return { status: problems.length > 0 ? 'degraded' : 'ok', problems, warnings };
  }
}
