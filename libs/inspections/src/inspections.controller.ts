import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { ApiAcceptLanguage, Language, RequestLanguage } from '@app/checklists';
import { Clock, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, wantsCsv } from '@app/core';
import {
  AddendumRequest,
  AssignLeadInspectorRequest,
  AddendumView,
  CancelInspectionRequest,
  CreateInspectionRequest,
  InspectionAssigneesView,
  InspectionDetailView,
  InspectionPreviewView,
  InspectionQuery,
  InspectionView,
  InspectionWithCaseView,
  PrioritiesQuery,
  PrioritiesView,
  PutFindingsRequest,
  SanctionDecisionRequest,
  SubmitInspectionRequest,
} from './inspections.dto';
import { InspectionsService } from './inspections.service';
import { RiskService } from './risk/risk.service';
import { SanctionsService } from './sanctions.service';

const OFFICIALS = ['ministry_official', 'bureau_admin', 'inspector'] as const;
const INSPECTORS = ['bureau_admin', 'inspector'] as const;

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly sanctions: SanctionsService,
    private readonly risk: RiskService,
    private readonly clock: Clock,
  ) {}

  @Get('priorities')
  @Allow(...OFFICIALS)
  @ApiOperation({ operationId: 'listInspectionPriorities', summary: 'Agencies in your jurisdiction ranked by risk (0-100), each with the factors and points behind it' })
  @ApiOkResponse({ type: PrioritiesView })
  async priorities(@CurrentActor() actor: Actor, @Query() query: PrioritiesQuery) {
    return { items: await this.risk.priorities(actor, query) };
  }

  @Get()
  // Agencies see the inspections of their own agency.
  @Allow(...OFFICIALS, 'agency_user')
  @ApiOperation({ summary: 'Inspections in your jurisdiction, filtered by agency, status, type, outcome, complaint; Accept: text/csv for all of them as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(InspectionView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: InspectionQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.inspections.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'inspections', this.clock.today());
    return this.inspections.exportCsv(actor, query, preferredLanguage(acceptLanguage, 'zh-CN'));
  }

  @Get(':id')
  @Allow(...OFFICIALS, 'agency_user')
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  @ApiOperation({ summary: 'One inspection with its checklist findings, addenda and corrective actions' })
  @ApiOkResponse({ type: InspectionDetailView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @RequestLanguage() language: Language) {
    return this.inspections.detail(actor, id, language);
  }

  @Get(':id/preview')
  @Allow(...OFFICIALS)
  @ApiOperation({ operationId: 'previewInspectionOutcome', summary: 'The score and outcome submitting would give now, from the findings as saved (critical item failed: critical violation; else points bands)' })
  @ApiOkResponse({ type: InspectionPreviewView })
  preview(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.inspections.preview(actor, id);
  }

  @Post()
  @Allow(...INSPECTORS)
  @ApiOperation({ summary: 'Plan an inspection of an agency in your jurisdiction' })
  @ApiCreatedResponse({ type: InspectionView })
  create(@CurrentActor() actor: Actor, @Body() request: CreateInspectionRequest) {
    return this.inspections.create(actor, request);
  }

  @Put(':id/findings')
  @Allow(...INSPECTORS)
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  @ApiOperation({ operationId: 'fileInspectionFindings', summary: 'File the whole set of findings (every checklist item once); refused after submission' })
  @ApiOkResponse({ type: InspectionDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Submitted (findings immutable) or stale version' })
  putFindings(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: PutFindingsRequest, @RequestLanguage() language: Language) {
    return this.inspections.putFindings(actor, id, request, language);
  }

  @Post(':id/submit')
  @Allow(...INSPECTORS)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit: compute score and outcome, open corrective actions, record the sanction proposal (a proposal opens or joins an enforcement case, named in the answer)' })
  @ApiOkResponse({ type: InspectionWithCaseView })
  @ApiConflictResponse({ type: ProblemDetails })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SubmitInspectionRequest) {
    return this.inspections.submit(actor, id, request);
  }

  @Post(':id/cancel')
  @Allow(...INSPECTORS)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Call off a planned or unfinished inspection' })
  @ApiOkResponse({ type: InspectionView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already submitted, closed or cancelled; or stale version' })
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CancelInspectionRequest) {
    return this.inspections.cancel(actor, id, request);
  }

  @Get(':id/assignees')
  @Allow('bureau_admin')
  @ApiOperation({ operationId: 'listInspectionAssignees', summary: 'Who may lead the inspection: inspectors and bureau admins of the bureaus in your jurisdiction that cover the agency' })
  @ApiOkResponse({ type: InspectionAssigneesView })
  async assignees(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<InspectionAssigneesView> {
    return { items: await this.inspections.assignees(actor, id) };
  }

  @Post(':id/lead-inspector')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'assignLeadInspector', summary: 'Give a planned inspection its lead inspector (from the queue of unassigned ones: GET /inspections?unassigned=true); the inspector is told' })
  @ApiOkResponse({ type: InspectionView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'No longer planned, or stale version' })
  assignLead(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AssignLeadInspectorRequest) {
    return this.inspections.assignLead(actor, id, request);
  }

  @Post(':id/addenda')
  @Allow(...INSPECTORS)
  @ApiOperation({ operationId: 'addInspectionAddendum', summary: 'Add a correction or remark to a submitted inspection (the findings stay as submitted)' })
  @ApiCreatedResponse({ type: AddendumView })
  addAddendum(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AddendumRequest) {
    return this.inspections.addAddendum(actor, id, request);
  }

  @Post(':id/sanction-decision')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'decideInspectionSanction', summary: 'Close a submitted inspection with the bureau call on its sanction proposal: anything but none opens an enforcement case or revises the one the proposal opened (named in the answer); the licence changes only on the case decision' })
  @ApiOkResponse({ type: InspectionWithCaseView })
  @ApiConflictResponse({ type: ProblemDetails })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SanctionDecisionRequest) {
    return this.sanctions.decide(actor, id, request);
  }
}
