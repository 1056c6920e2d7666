import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@app/access';
import { WorkingCalendarService } from '@app/calendar';
import { ProblemDetails } from '@app/core';
import { DataSource } from 'typeorm';

class HealthStatus {
  @ApiProperty({ type: String, example: 'ok', description: 'Always `ok`: a failing probe answers 503 with a problem' })
  status: 'ok';
}

class ReadinessStatus extends HealthStatus {
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
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database answers' })
  @ApiOkResponse({ type: ReadinessStatus })
  @ApiServiceUnavailableResponse({ type: ProblemDetails })
  async ready(): Promise<ReadinessStatus> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', warnings: await this.calendar.missingYearWarnings() };
    } catch {
      throw new ServiceUnavailableException('The database does not answer');
    }
  }
}
