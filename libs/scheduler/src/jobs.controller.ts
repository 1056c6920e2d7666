import { Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { inLanguage, preferredLanguage, Problems, namedEnum } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { JobRegistry } from './job-registry';
import { JobRunner, JobRunRecord } from './job-runner';

const RECENT_RUNS = 10;

export class JobRunView {
  @ApiPropertyOptional({ description: 'Absent when skipped' }) id?: string;
  @ApiProperty() jobName: string;
  @ApiProperty(namedEnum('JobRunStatus', ['running', 'succeeded', 'failed', 'abandoned', 'skipped'])) status: string;
  @ApiPropertyOptional({ description: "'schedule', or the username of the admin who ran it" }) triggeredBy?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) startedAt?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) finishedAt?: Date | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, nullable: true }) counts?: Record<string, number> | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error?: string | null;
}

export class JobView {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Cron expression, Asia/Shanghai' }) cron: string;
  @ApiProperty({ description: 'What the job does, in the language of Accept-Language' }) description: string;
  @ApiPropertyOptional({ type: JobRunView, nullable: true }) lastRun: JobRunRecord | null;
  @ApiProperty({ type: [JobRunView], description: `The last ${RECENT_RUNS} runs, newest first` }) recentRuns: JobRunRecord[];
}

@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
  ) {}

  @Get()
  @Allow('system_admin')
  @ApiOperation({ summary: 'The scheduled jobs with their last runs' })
  @ApiOkResponse({ type: [JobView] })
  async list(@Headers('accept-language') acceptLanguage?: string): Promise<JobView[]> {
    const language = preferredLanguage(acceptLanguage, 'zh-CN');
    const jobs = this.registry.all();
    const runs = await this.runner.recentRuns(jobs.map((job) => job.name), RECENT_RUNS);
    return jobs.map((job) => {
      const recentRuns = runs.get(job.name) ?? [];
      return { name: job.name, cron: job.cron, description: inLanguage(language, job.description), lastRun: recentRuns[0] ?? null, recentRuns };
    });
  }

  @Post(':name/run')
  @HttpCode(200)
  @Allow('system_admin')
  @ApiOperation({ summary: "Run a job now; 'skipped' when another process is running it" })
  @ApiOkResponse({ type: JobRunView })
  async run(@Param('name') name: string, @CurrentActor() actor: Actor): Promise<JobRunView> {
    if (!this.registry.get(name)) throw Problems.notFound('Job', name);
    return this.runner.runJob(name, actor.username);
  }
}
