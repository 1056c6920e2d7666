import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { Clock, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, wantsCsv } from '@app/core';
import {
  AnnualReportQuery,
  AnnualReportReviewRequest,
  AnnualReportSummaryView,
  AnnualReportVersionRequest,
  AnnualReportView,
  CreateAnnualReportRequest,
  SummaryQuery,
  UpdateAnnualReportRequest,
} from './annual-reports.dto';
import { AnnualReportSummaryService, summaryCsv } from './annual-report-summary.service';
import { AnnualReportsService } from './annual-reports.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('annual-reports')
@Controller('annual-reports')
export class AnnualReportsController {
  constructor(
    private readonly reports: AnnualReportsService,
    private readonly summaries: AnnualReportSummaryService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(...READERS)
  @ApiOperation({ operationId: 'listAnnualReports', summary: 'Annual reports in your jurisdiction (an agency: its own); filters year, status, awaitingReview, feeFlag, overdue; Accept: text/csv for all of them as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(AnnualReportView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: AnnualReportQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.reports.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'annual-reports', this.clock.today());
    return this.reports.exportCsv(actor, query, preferredLanguage(acceptLanguage, 'zh-CN'));
  }

  @Get('summary')
  @Allow('ministry_official', 'bureau_admin')
  @ApiOperation({
    operationId: 'getAnnualReportSummary',
    summary: 'National (or your jurisdiction’s) totals of a year’s annual reports by province, placements by destination country, fee flags and filing rate (Accept: text/csv for CSV)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AnnualReportSummaryView })
  async summary(@CurrentActor() actor: Actor, @Query() query: SummaryQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.summaries.summary(actor, query);
    if (accept?.includes('text/csv')) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', `attachment; filename="annual-reports-${view.year}${view.province ? `-${view.province}` : ''}.csv"`);
      return summaryCsv(view);
    }
    return view;
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiOperation({ operationId: 'getAnnualReport', summary: 'One annual report' })
  @ApiOkResponse({ type: AnnualReportView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reports.view(actor, id);
  }

  @Post()
  @Allow('agency_user')
  @ApiOperation({ operationId: 'createAnnualReport', summary: 'Open the agency’s report for a year that has ended (a draft; one per agency and year)' })
  @ApiCreatedResponse({ type: AnnualReportView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The agency already has its report for the year (existingId named)' })
  create(@CurrentActor() actor: Actor, @Body() request: CreateAnnualReportRequest) {
    return this.reports.create(actor, request);
  }

  @Put(':id')
  @Allow('agency_user')
  @ApiOperation({ operationId: 'updateAnnualReport', summary: 'Save the figures so far (draft or returned only)' })
  @ApiOkResponse({ type: AnnualReportView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already submitted, or stale version' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateAnnualReportRequest) {
    return this.reports.update(actor, id, request);
  }

  @Post(':id/submit')
  @Allow('agency_user')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'submitAnnualReport', summary: 'Submit (or resubmit after a return): every figure given, totals consistent' })
  @ApiOkResponse({ type: AnnualReportView })
  @ApiConflictResponse({ type: ProblemDetails })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AnnualReportVersionRequest) {
    return this.reports.submit(actor, id, request);
  }

  @Post(':id/review')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'reviewAnnualReport', summary: 'Accept, or return with a note' })
  @ApiOkResponse({ type: AnnualReportView })
  @ApiConflictResponse({ type: ProblemDetails })
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AnnualReportReviewRequest) {
    return this.reports.review(actor, id, request);
  }
}
