import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateRoute, IdParam, ListRoute, ReadRoute, StatusCountsView, StepRoute } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ApplicationQuery, ApplicationView, CreateApplicationRequest, DecisionRequest, ResubmitApplicationRequest, StartReviewRequest } from './licensing.dto';
import { LicenceApplicationsService } from './licence-applications.service';

@ApiTags('licence applications')
@Controller('licence-applications')
export class LicenceApplicationsController {
  constructor(private readonly applications: LicenceApplicationsService) {}

  @ReadRoute('counts', { operationId: 'countLicenceApplications', summary: 'Licence applications in your jurisdiction counted by status, exactly (one grouped query)', type: StatusCountsView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  counts(@CurrentActor() actor: Actor): Promise<StatusCountsView> {
    return this.applications.counts(actor);
  }

  @ListRoute(undefined, { summary: 'Applications in your jurisdiction (an agency user: its own)', item: ApplicationView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationQuery) {
    return this.applications.list(actor, query);
  }

  @ReadRoute(':id', { summary: 'One application', type: ApplicationView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.applications.view(actor, id);
  }

  @CreateRoute(undefined, { summary: 'Apply for a new licence, a renewal (from 90 days before expiry) or a variation', type: ApplicationView })
  @Allow('agency_user', 'bureau_admin')
  create(@CurrentActor() actor: Actor, @Body() request: CreateApplicationRequest) {
    return this.applications.create(actor, request);
  }

  @StepRoute(':id/start-review', { operationId: 'startLicenceApplicationReview', summary: 'Take a submitted or resubmitted application under review', type: ApplicationView, conflict: true })
  @Allow('bureau_admin')
  startReview(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: StartReviewRequest) {
    return this.applications.startReview(actor, id, request.version);
  }

  @StepRoute(':id/resubmit', { summary: 'Resubmit a returned application, with changes', type: ApplicationView, conflict: true })
  @Allow('agency_user', 'bureau_admin')
  resubmit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: ResubmitApplicationRequest) {
    return this.applications.resubmit(actor, id, request);
  }

  @StepRoute(':id/decision', { summary: 'Approve (issues, renews or varies the licence), refuse or return with a reason', type: ApplicationView, conflict: true })
  @Allow('bureau_admin')
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: DecisionRequest) {
    return this.applications.decide(actor, id, request);
  }
}
