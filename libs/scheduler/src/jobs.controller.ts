import { Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, inLanguage, namedEnum, preferredLanguage, ProblemDetails, ProblemException, Problems, ReadRoute } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { countLabels, jobTitle, scheduleText } from './job-labels';
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
  @ApiProperty({ description: 'The job in words, in the language of Accept-Language', example: '年度报告期限提醒' }) title: string;
  @ApiProperty({ description: 'Cron expression, Asia/Shanghai' }) cron: string;
  @ApiProperty({ description: 'When it runs, in words (Asia/Shanghai), in the language of Accept-Language', example: '每天 07:40' }) schedule: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'The count keys of its recent runs in words, in the language of Accept-Language', example: { reminders: '提醒' } })
  countLabels: Record<string, string>;
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
    private readonly clock: Clock,
  ) {}

  @ReadRoute(undefined, { summary: 'The scheduled jobs with their last runs', type: [JobView] })
  @Allow('system_admin')
  async list(@Headers('accept-language') acceptLanguage?: string): Promise<JobView[]> {
    const language = preferredLanguage(acceptLanguage, 'zh-CN');
    const jobs = this.registry.all();
    const runs = await this.runner.recentRuns(jobs.map((job) => job.name), RECENT_RUNS);
    return jobs.map((job) => {
      const recentRuns = runs.get(job.name) ?? [];
      const keys = new Set(recentRuns.flatMap((run) => Object.keys(run.counts ?? {})));
      return {
        name: job.name,
        title: jobTitle(job.name, language),
        cron: job.cron,
        schedule: scheduleText(job.cron, language),
        countLabels: countLabels(keys, language),
        description: inLanguage(language, job.description),
        lastRun: recentRuns[0] ?? null,
        recentRuns,
      };
    });
  }

  @Post(':name/run')
  @HttpCode(200)
  @Allow('system_admin')
  @ApiOperation({ summary: "Run a job now; 'skipped' when another process is running it" })
  @ApiOkResponse({ type: JobRunView })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'The job was run by hand too recently (the backup: BACKUP_MANUAL_INTERVAL_MINUTES); Retry-After says when it may run again' })
  async run(@Param('name') name: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<JobRunView> {
    const job = this.registry.get(name);
    if (!job) throw Problems.notFound('Job', name);
    if (job.manualIntervalSeconds) {
      const last = await this.runner.lastManualStart(name);
      const waitSeconds = last ? Math.ceil((last.getTime() + job.manualIntervalSeconds * 1000 - this.clock.now().getTime()) / 1000) : 0;
      if (waitSeconds > 0) {
        void reply.header('retry-after', String(waitSeconds));
        throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'too-many-requests', `The job ${name} was run by hand less than ${Math.ceil(job.manualIntervalSeconds / 60)} minutes ago; try again in ${waitSeconds} seconds`, {
          retryAfterSeconds: waitSeconds,
        });
      }
    }
    return this.runner.runJob(name, actor.username);
  }
}
