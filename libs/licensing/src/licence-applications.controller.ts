import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ApplicationQuery, ApplicationView, CreateApplicationRequest, DecisionRequest, ResubmitApplicationRequest, StartReviewRequest } from './licensing.dto';
import { LicenceApplicationsService } from './licence-applications.service';

@ApiTags('licence applications')
@Controller('licence-applications')
export class LicenceApplicationsController {
  constructor(private readonly applications: LicenceApplicationsService) {}

  @Get()
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ summary: 'Applications in your jurisdiction (an agency user: its own)' })
  @ApiOkResponse({ type: PageOf(ApplicationView) })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationQuery) {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ summary: 'One application' })
  @ApiOkResponse({ type: ApplicationView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.applications.view(actor, id);
  }

  @Post()
  @Allow('agency_user', 'bureau_admin')
  @ApiOperation({ summary: 'Apply for a new licence, a renewal (from 90 days before expiry) or a variation' })
  @ApiCreatedResponse({ type: ApplicationView })
  create(@CurrentActor() actor: Actor, @Body() request: CreateApplicationRequest) {
    return this.applications.create(actor, request);
  }

  @Post(':id/start-review')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'startLicenceApplicationReview', summary: 'Take a submitted or resubmitted application under review' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiConflictResponse({ type: ProblemDetails })
  startReview(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: StartReviewRequest) {
    return this.applications.startReview(actor, id, request.version);
  }

  @Post(':id/resubmit')
  @Allow('agency_user', 'bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resubmit a returned application, with changes' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiConflictResponse({ type: ProblemDetails })
  resubmit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: ResubmitApplicationRequest) {
    return this.applications.resubmit(actor, id, request);
  }

  @Post(':id/decision')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve (issues, renews or varies the licence), refuse or return with a reason' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiConflictResponse({ type: ProblemDetails })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: DecisionRequest) {
    return this.applications.decide(actor, id, request);
  }
}
