import { Body, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { ChangeRoute, Clock, CreateRoute, csvDownload, IdParam, PageOf, preferredLanguage, ReadRoute, StepRoute, wantsCsv } from '@app/core';
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

  @ReadRoute(':id', { operationId: 'getAnnualReport', summary: 'One annual report', type: AnnualReportView })
  @Allow(...READERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reports.view(actor, id);
  }

  @CreateRoute(undefined, { operationId: 'createAnnualReport', summary: 'Open the agency’s report for a year that has ended (a draft; one per agency and year)', type: AnnualReportView, conflict: 'The agency already has its report for the year (existingId named)' })
  @Allow('agency_user')
  create(@CurrentActor() actor: Actor, @Body() request: CreateAnnualReportRequest) {
    return this.reports.create(actor, request);
  }

  @ChangeRoute('PUT', ':id', { operationId: 'updateAnnualReport', summary: 'Save the figures so far (draft or returned only)', type: AnnualReportView, conflict: 'Already submitted, or stale version' })
  @Allow('agency_user')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateAnnualReportRequest) {
    return this.reports.update(actor, id, request);
  }

  @StepRoute(':id/submit', { operationId: 'submitAnnualReport', summary: 'Submit (or resubmit after a return): every figure given, totals consistent', type: AnnualReportView, conflict: true })
  @Allow('agency_user')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AnnualReportVersionRequest) {
    return this.reports.submit(actor, id, request);
  }

  @StepRoute(':id/review', { operationId: 'reviewAnnualReport', summary: 'Accept, or return with a note', type: AnnualReportView, conflict: true })
  @Allow('bureau_admin')
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AnnualReportReviewRequest) {
    return this.reports.review(actor, id, request);
  }
}
