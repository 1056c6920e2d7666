import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ApiAcceptLanguage, Language, RequestLanguage } from '@app/checklists';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import {
  AddendumRequest,
  AddendumView,
  CancelInspectionRequest,
  CreateInspectionRequest,
  InspectionDetailView,
  InspectionPreviewView,
  InspectionQuery,
  InspectionView,
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
  @ApiOperation({ summary: 'Inspections in your jurisdiction, filtered by agency, status, type, outcome, complaint' })
  @ApiOkResponse({ type: PageOf(InspectionView) })
  list(@CurrentActor() actor: Actor, @Query() query: InspectionQuery) {
    return this.inspections.list(actor, query);
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
  @ApiOperation({ summary: 'Submit: compute score and outcome, open corrective actions, record the sanction proposal' })
  @ApiOkResponse({ type: InspectionView })
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
  @ApiOperation({ operationId: 'decideInspectionSanction', summary: 'Close a submitted inspection with the bureau call on its sanction proposal: anything but none opens an enforcement case (GET /api/cases?agencyId=); the licence changes only on the case decision' })
  @ApiOkResponse({ type: InspectionView })
  @ApiConflictResponse({ type: ProblemDetails })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SanctionDecisionRequest) {
    return this.sanctions.decide(actor, id, request);
  }
}
