import { Body, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { ApiAcceptLanguage, Language, RequestLanguage } from '@app/checklists';
import { ChangeRoute, Clock, CreateRoute, csvDownload, IdParam, PageOf, preferredLanguage, ReadRoute, StepRoute, wantsCsv } from '@app/core';
import type { FastifyReply } from 'fastify';
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

  @ReadRoute('priorities', { operationId: 'listInspectionPriorities', summary: 'Agencies in your jurisdiction ranked by risk (0-100), each with the factors and points behind it', type: PrioritiesView })
  @Allow(...OFFICIALS)
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

  @ReadRoute(':id', { summary: 'One inspection with its checklist findings, addenda and corrective actions', type: InspectionDetailView })
  @Allow(...OFFICIALS, 'agency_user')
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @RequestLanguage() language: Language) {
    return this.inspections.detail(actor, id, language);
  }

  @ReadRoute(':id/preview', { operationId: 'previewInspectionOutcome', summary: 'The score and outcome submitting would give now, from the findings as saved (critical item failed: critical violation; else points bands)', type: InspectionPreviewView })
  @Allow(...OFFICIALS)
  preview(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.inspections.preview(actor, id);
  }

  @CreateRoute(undefined, { summary: 'Plan an inspection of an agency in your jurisdiction', type: InspectionView })
  @Allow(...INSPECTORS)
  create(@CurrentActor() actor: Actor, @Body() request: CreateInspectionRequest) {
    return this.inspections.create(actor, request);
  }

  @ChangeRoute('PUT', ':id/findings', { operationId: 'fileInspectionFindings', summary: 'File the whole set of findings (every checklist item once); refused after submission', type: InspectionDetailView, conflict: 'Submitted (findings immutable) or stale version' })
  @Allow(...INSPECTORS)
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  putFindings(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: PutFindingsRequest, @RequestLanguage() language: Language) {
    return this.inspections.putFindings(actor, id, request, language);
  }

  @StepRoute(':id/submit', { summary: 'Submit: compute score and outcome, open corrective actions, record the sanction proposal (a proposal opens or joins an enforcement case, named in the answer)', type: InspectionWithCaseView, conflict: true })
  @Allow(...INSPECTORS)
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SubmitInspectionRequest) {
    return this.inspections.submit(actor, id, request);
  }

  @StepRoute(':id/cancel', { summary: 'Call off a planned or unfinished inspection', type: InspectionView, conflict: 'Already submitted, closed or cancelled; or stale version' })
  @Allow(...INSPECTORS)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CancelInspectionRequest) {
    return this.inspections.cancel(actor, id, request);
  }

  @ReadRoute(':id/assignees', { operationId: 'listInspectionAssignees', summary: 'Who may lead the inspection: inspectors and bureau admins of the bureaus in your jurisdiction that cover the agency', type: InspectionAssigneesView })
  @Allow('bureau_admin')
  async assignees(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<InspectionAssigneesView> {
    return { items: await this.inspections.assignees(actor, id) };
  }

  @StepRoute(':id/lead-inspector', { operationId: 'assignLeadInspector', summary: 'Give a planned inspection its lead inspector (from the queue of unassigned ones: GET /inspections?unassigned=true); the inspector is told', type: InspectionView, conflict: 'No longer planned, or stale version' })
  @Allow('bureau_admin')
  assignLead(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AssignLeadInspectorRequest) {
    return this.inspections.assignLead(actor, id, request);
  }

  @CreateRoute(':id/addenda', { operationId: 'addInspectionAddendum', summary: 'Add a correction or remark to a submitted inspection (the findings stay as submitted)', type: AddendumView })
  @Allow(...INSPECTORS)
  addAddendum(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AddendumRequest) {
    return this.inspections.addAddendum(actor, id, request);
  }

  @StepRoute(':id/sanction-decision', { operationId: 'decideInspectionSanction', summary: 'Close a submitted inspection with the bureau call on its sanction proposal: anything but none opens an enforcement case or revises the one the proposal opened (named in the answer); the licence changes only on the case decision', type: InspectionWithCaseView, conflict: true })
  @Allow('bureau_admin')
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SanctionDecisionRequest) {
    return this.sanctions.decide(actor, id, request);
  }
}
