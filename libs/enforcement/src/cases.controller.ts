import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { Clock, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, UserRateLimit, wantsCsv } from '@app/core';
import { Query } from '@nestjs/common';
import {
  AppealRequest,
  CaseCountsView,
  CaseDetailView,
  CaseLicencesRequest,
  CaseQuery,
  CaseStepRequest,
  CaseView,
  CreateCaseRequest,
  BilingualText,
  CaseDecisionRequest,
  HearingRequest,
  SummaryDraftQuery,
  RepresentationsRequest,
  WaiverRequest,
  WithdrawRequest,
} from './cases.dto';
import { CaseDecisions } from './case-decisions';
import { CaseProposals } from './case-proposals';
import { CaseQueries } from './case-queries';
import { DueProcessSteps } from './due-process-steps';

const OFFICIALS = ['ministry_official', 'bureau_admin', 'inspector'] as const;

@ApiTags('enforcement')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly proposals: CaseProposals,
    private readonly steps: DueProcessSteps,
    private readonly decisions: CaseDecisions,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(...OFFICIALS, 'agency_user')
  @ApiOperation({ operationId: 'listCases', summary: 'Enforcement cases in your jurisdiction (an agency: its own, once served), filtered by status, agency, sanction, overdue; Accept: text/csv for all of them as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(CaseView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: CaseQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.queries.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'cases', this.clock.today());
    return this.queries.exportCsv(actor, query, preferredLanguage(acceptLanguage, 'zh-CN'));
  }

  @Get('counts')
  @Allow(...OFFICIALS, 'agency_user')
  @ApiOperation({ operationId: 'countCases', summary: 'Enforcement cases in your jurisdiction (an agency: its own, once served) counted by state, in one grouped query' })
  @ApiOkResponse({ type: CaseCountsView })
  counts(@CurrentActor() actor: Actor) {
    return this.queries.counts(actor);
  }

  @Post()
  @Allow('inspector', 'bureau_admin')
  @ApiOperation({ operationId: 'openCase', summary: 'Open a case on grounds (inspections, findings, complaints, overdue duties) naming the licences it concerns (by default those in force); the same ground again answers the case already open on it' })
  @ApiCreatedResponse({ type: CaseDetailView })
  create(@CurrentActor() actor: Actor, @Body() request: CreateCaseRequest) {
    return this.proposals.create(actor, request);
  }

  @Get(':id')
  @Allow(...OFFICIALS, 'agency_user')
  @ApiOperation({ operationId: 'getCase', summary: 'One case with its grounds, whole history and served documents' })
  @ApiOkResponse({ type: CaseDetailView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.queries.detail(actor, id);
  }

  @Get(':id/documents/:documentId')
  @Allow(...OFFICIALS, 'agency_user')
  @UserRateLimit('pdf')
  @ApiProduces('application/pdf')
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'More PDFs this minute than RATE_LIMIT_PDF_PER_USER_PER_MINUTE; Retry-After says when to try again' })
  @ApiOperation({ operationId: 'getCaseDocument', summary: 'A served document (notice or decision) as PDF, in Chinese and English' })
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  async document(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('documentId') documentId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { fileName, content } = await this.queries.document(actor, id, documentId);
    void reply.header('content-type', 'application/pdf');
    void reply.header('content-disposition', `inline; filename="${fileName}"`);
    return content;
  }

  @Put(':id/licences')
  @Allow('bureau_admin')
  @ApiOperation({ operationId: 'setCaseLicences', summary: 'Name the licences the case concerns (the agency\'s, in force) before the notice is served; a decision changes only these' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The notice is served (it names the licences), or stale version' })
  licences(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseLicencesRequest) {
    return this.steps.setLicences(actor, id, request);
  }

  @Post(':id/notice')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'serveCaseNotice', summary: 'Serve the notice of intended sanction: the agency is told (inbox, email, PDF) and its windows start' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not in a state to serve a notice (currentStatus), or stale version' })
  notice(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseStepRequest) {
    return this.steps.serveNotice(actor, id, request);
  }

  @Post(':id/representations')
  @Allow('agency_user')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'makeCaseRepresentations', summary: 'The agency makes its representations within 5 working days of service' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Window closed, illegal in the current state, or stale version' })
  representations(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: RepresentationsRequest) {
    return this.steps.representations(actor, id, request);
  }

  @Post(':id/hearing')
  @Allow('agency_user', 'bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'caseHearing', summary: 'The agency requests a hearing (within 5 working days of service); the bureau records the hearing held (heldOn, attendees, minutes)' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'No right to a hearing, window closed, illegal in the current state, or stale version' })
  hearing(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: HearingRequest) {
    return this.steps.hearing(actor, id, request);
  }

  @Post(':id/waiver')
  @Allow('agency_user')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'waiveCaseWindows', summary: 'The agency waives representations and a hearing in writing; a decision may then be taken at once' })
  @ApiOkResponse({ type: CaseDetailView })
  waiver(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: WaiverRequest) {
    return this.steps.waive(actor, id, request);
  }

  @Get(':id/published-summary-draft')
  @Allow('bureau_admin')
  @ApiOperation({ operationId: 'draftPublishedSummary', summary: 'The published summary a decision taken today as asked would get (agency, provision, sanction, dates), for the decision form to prefill' })
  @ApiOkResponse({ type: BilingualText })
  summaryDraft(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: SummaryDraftQuery) {
    return this.decisions.summaryDraft(actor, id, query);
  }

  @Post(':id/decision')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'decideCase', summary: 'Decide (as proposed, lighter or none, with reasons) by a bureau admin who did not investigate; a suspension or revocation changes the licence in the same transaction' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Windows still open (decisionOpensOn), illegal in the current state, or stale version' })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseDecisionRequest) {
    return this.decisions.decide(actor, id, request);
  }

  @Post(':id/appeal')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'recordCaseAppeal', summary: 'Record an appeal outcome (upheld, varied with the new sanction, annulled), lodged on or after the decision and decided by today; varied or annulled changes the licences, points, grade and public list' })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not decided, or stale version' })
  appeal(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AppealRequest) {
    return this.decisions.appeal(actor, id, request);
  }

  @Post(':id/withdraw')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'withdrawCase', summary: 'Withdraw a case before its decision' })
  @ApiOkResponse({ type: CaseDetailView })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: WithdrawRequest) {
    return this.steps.withdraw(actor, id, request);
  }
}
