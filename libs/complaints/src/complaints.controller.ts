import { Body, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock, CreateRoute, csvDownload, IdParam, PageOf, ReadRoute, StatusCountsView, StepRoute, wantsCsv } from '@app/core';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { ComplaintIntakeService } from './complaint-intake.service';
import { primaryLanguage } from '@app/checklists';
import { ComplaintTrendsService, trendsCsv } from './complaint-trends.service';
import {
  AgencyAnswerRequest,
  AlertsQuery,
  AlertsView,
  AssigneesView,
  AssignComplaintRequest,
  ComplaintDetailView,
  ComplaintQuery,
  ComplaintView,
  ExtendComplaintRequest,
  LinkInspectionRequest,
  OfficialComplaintRequest,
  RecordedComplaintView,
  TransitionComplaintRequest,
  TrendsQuery,
  TrendsView,
} from './complaints.dto';
import { ComplaintsService } from './complaints.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;
const HANDLERS = ['bureau_admin', 'inspector'] as const;
const ANALYSTS = ['ministry_official', 'bureau_admin', 'inspector'] as const;

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly intake: ComplaintIntakeService,
    private readonly trendsService: ComplaintTrendsService,
    private readonly clock: Clock,
  ) {}

  @ReadRoute('trends', { operationId: 'getComplaintTrends', summary: 'Complaint counts, substantiation rate, median days to resolve and SLA breach rate by period and group (Accept: text/csv for CSV)', type: TrendsView })
  @Allow(...ANALYSTS)
  @ApiProduces('application/json', 'text/csv')
  async trends(
    @CurrentActor() actor: Actor,
    @Query() query: TrendsQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.trendsService.trends(actor, query, primaryLanguage(acceptLanguage));
    if (accept?.includes('text/csv')) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', `attachment; filename="complaint-trends-${view.from}-${view.to}.csv"`);
      return trendsCsv(view);
    }
    return view;
  }

  @ReadRoute('alerts', { operationId: 'getComplaintAlerts', summary: 'Province x category monthly spikes, and agencies with 3 or more substantiated complaints in 90 days (names in the Accept-Language)', type: AlertsView })
  @Allow(...ANALYSTS)
  alerts(@CurrentActor() actor: Actor, @Query() query: AlertsQuery, @Headers('accept-language') acceptLanguage: string | undefined) {
    return this.trendsService.alerts(actor, query, primaryLanguage(acceptLanguage));
  }

  @ReadRoute('counts', { operationId: 'countComplaints', summary: 'Complaints in your jurisdiction counted by status, exactly (one grouped query)', type: StatusCountsView })
  @Allow(...READERS)
  counts(@CurrentActor() actor: Actor): Promise<StatusCountsView> {
    return this.complaints.counts(actor);
  }

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Complaints in your jurisdiction (an agency user: about its agency); without the complainant. Accept: text/csv for all of them as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(ComplaintView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ComplaintQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.complaints.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'complaints', this.clock.today());
    return this.complaints.exportCsv(actor, query, primaryLanguage(acceptLanguage));
  }

  @CreateRoute(undefined, { operationId: 'recordComplaint', summary: 'Record a complaint received by hotline, walk-in, letter or referral; it is routed like a public one', type: RecordedComplaintView })
  @Allow('ministry_official', ...HANDLERS)
  async create(@CurrentActor() actor: Actor, @Body() request: OfficialComplaintRequest): Promise<RecordedComplaintView> {
    const { complaint, secret, pin } = await this.intake.submitOfficial(actor, request);
    return { ...(await this.complaints.recordedView(complaint)), secret, pin };
  }

  @ReadRoute(':id', { summary: 'One complaint with its history; the complainant only for the handling bureau and the ministry', type: ComplaintDetailView })
  @Allow(...READERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.complaints.get(actor, id);
  }

  @ReadRoute(':id/assignees', { summary: 'Who may take the complaint: inspectors and bureau admins of the bureaus in your jurisdiction that cover it', type: AssigneesView })
  @Allow('bureau_admin')
  async assignees(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AssigneesView> {
    return { items: await this.complaints.assignees(actor, id) };
  }

  @StepRoute(':id/assign', { summary: 'Assign to a bureau in your jurisdiction and/or an officer GET /complaints/{id}/assignees lists, who is told (send the version you read)', type: ComplaintDetailView })
  @Allow('bureau_admin')
  assign(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AssignComplaintRequest) {
    return this.complaints.assign(actor, id, request);
  }

  @StepRoute(':id/transition', { summary: 'received → triaged → investigating → resolved | referred | dismissed → closed; reopened. An outcome is required to resolve', type: ComplaintDetailView })
  @Allow(...HANDLERS)
  transition(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionComplaintRequest) {
    return this.complaints.transition(actor, id, request);
  }

  @StepRoute(':id/extend', { summary: 'Extend the resolution deadline once (30 working days by default), with a reason', type: ComplaintDetailView })
  @Allow('bureau_admin')
  extend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: ExtendComplaintRequest) {
    return this.complaints.extend(actor, id, request);
  }

  @StepRoute(':id/inspection', { operationId: 'linkComplaintInspection', summary: 'Link the complaint to an inspection of its agency, or plan a complaint-type inspection (planOn) and link it', type: ComplaintDetailView })
  @Allow(...HANDLERS)
  linkInspection(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: LinkInspectionRequest) {
    return this.complaints.linkInspection(actor, id, request);
  }

  @StepRoute(':id/answer', { summary: 'The agency answers a complaint about it', type: ComplaintDetailView })
  @Allow('agency_user')
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: AgencyAnswerRequest) {
    return this.complaints.answer(actor, id, request);
  }
}
