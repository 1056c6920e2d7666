import { Body, Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { ChangeRoute, Clock, CreateRoute, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, ReadRoute, StepRoute, UserRateLimit, wantsCsv } from '@app/core';
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

  @ReadRoute('counts', { operationId: 'countCases', summary: 'Enforcement cases in your jurisdiction (an agency: its own, once served) counted by state, in one grouped query', type: CaseCountsView })
  @Allow(...OFFICIALS, 'agency_user')
  counts(@CurrentActor() actor: Actor) {
    return this.queries.counts(actor);
  }

  @CreateRoute(undefined, { operationId: 'openCase', summary: 'Open a case on grounds (inspections, findings, complaints, overdue duties) naming the licences it concerns (by default those in force); the same ground again answers the case already open on it', type: CaseDetailView })
  @Allow('inspector', 'bureau_admin')
  create(@CurrentActor() actor: Actor, @Body() request: CreateCaseRequest) {
    return this.proposals.create(actor, request);
  }

  @ReadRoute(':id', { operationId: 'getCase', summary: 'One case with its grounds, whole history and served documents', type: CaseDetailView })
  @Allow(...OFFICIALS, 'agency_user')
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

  @ChangeRoute('PUT', ':id/licences', { operationId: 'setCaseLicences', summary: 'Name the licences the case concerns (the agency\'s, in force) before the notice is served; a decision changes only these', type: CaseDetailView, conflict: 'The notice is served (it names the licences), or stale version' })
  @Allow('bureau_admin')
  licences(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseLicencesRequest) {
    return this.steps.setLicences(actor, id, request);
  }

  @StepRoute(':id/notice', { operationId: 'serveCaseNotice', summary: 'Serve the notice of intended sanction: the agency is told (inbox, email, PDF) and its windows start', type: CaseDetailView, conflict: 'Not in a state to serve a notice (currentStatus), or stale version' })
  @Allow('bureau_admin')
  notice(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseStepRequest) {
    return this.steps.serveNotice(actor, id, request);
  }

  @StepRoute(':id/representations', { operationId: 'makeCaseRepresentations', summary: 'The agency makes its representations within 5 working days of service', type: CaseDetailView, conflict: 'Window closed, illegal in the current state, or stale version' })
  @Allow('agency_user')
  representations(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: RepresentationsRequest) {
    return this.steps.representations(actor, id, request);
  }

  @StepRoute(':id/hearing', { operationId: 'caseHearing', summary: 'The agency requests a hearing (within 5 working days of service); the bureau records the hearing held (heldOn, attendees, minutes)', type: CaseDetailView, conflict: 'No right to a hearing, window closed, illegal in the current state, or stale version' })
  @Allow('agency_user', 'bureau_admin')
  hearing(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: HearingRequest) {
    return this.steps.hearing(actor, id, request);
  }

  @StepRoute(':id/waiver', { operationId: 'waiveCaseWindows', summary: 'The agency waives representations and a hearing in writing; a decision may then be taken at once', type: CaseDetailView })
  @Allow('agency_user')
  waiver(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: WaiverRequest) {
    return this.steps.waive(actor, id, request);
  }

  @ReadRoute(':id/published-summary-draft', { operationId: 'draftPublishedSummary', summary: 'The published summary a decision taken today as asked would get (agency, provision, sanction, dates), for the decision form to prefill', type: BilingualText })
  @Allow('bureau_admin')
  summaryDraft(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: SummaryDraftQuery) {
    return this.decisions.summaryDraft(actor, id, query);
  }

  @StepRoute(':id/decision', { operationId: 'decideCase', summary: 'Decide (as proposed, lighter or none, with reasons) by a bureau admin who did not investigate; a suspension or revocation changes the licence in the same transaction', type: CaseDetailView, conflict: 'Windows still open (decisionOpensOn), illegal in the current state, or stale version' })
  @Allow('bureau_admin')
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CaseDecisionRequest) {
    return this.decisions.decide(actor, id, request);
  }

  @StepRoute(':id/appeal', { operationId: 'recordCaseAppeal', summary: 'Record an appeal outcome (upheld, varied with the new sanction, annulled), lodged on or after the decision and decided by today; varied or annulled changes the licences, points, grade and public list', type: CaseDetailView, conflict: 'Not decided, or stale version' })
  @Allow('bureau_admin')
  appeal(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AppealRequest) {
    return this.decisions.appeal(actor, id, request);
  }

  @StepRoute(':id/withdraw', { operationId: 'withdrawCase', summary: 'Withdraw a case before its decision', type: CaseDetailView })
  @Allow('bureau_admin')
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: WithdrawRequest) {
    return this.steps.withdraw(actor, id, request);
  }
}
