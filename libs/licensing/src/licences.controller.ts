import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ReadRoute, StepRoute } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { LicenceQuery, LicenceView, LicenceWithEvents, SuspendRequest, TransitionRequest } from './licensing.dto';
import { LicencesService } from './licences.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('licences')
@Controller('licences')
export class LicencesController {
  constructor(private readonly licences: LicencesService) {}

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Licences in your jurisdiction, filtered by status, type, agency, expiry' })
  @ApiOkResponse({ type: PageOf(LicenceView) })
  list(@CurrentActor() actor: Actor, @Query() query: LicenceQuery) {
    return this.licences.list(actor, query);
  }

  @ReadRoute(':id', { summary: 'One licence with its events', type: LicenceWithEvents })
  @Allow(...READERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.licences.getWithEvents(actor, id);
  }

  @StepRoute(':id/suspend', { summary: 'Suspend an active licence, optionally until a date', type: LicenceView, conflict: 'Not active (currentStatus named), or changed meanwhile' })
  @Allow('bureau_admin')
  suspend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SuspendRequest) {
    return this.licences.transition(actor, id, 'suspend', request.reason, { version: request.version, until: request.until });
  }

  @StepRoute(':id/reinstate', { summary: 'Reinstate a suspended licence', type: LicenceView, conflict: true })
  @Allow('bureau_admin')
  reinstate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'reinstate', request.reason, { version: request.version });
  }

  @StepRoute(':id/revoke', { summary: 'Revoke an active or suspended licence (final)', type: LicenceView, conflict: true })
  @Allow('bureau_admin')
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'revoke', request.reason, { version: request.version });
  }

  @StepRoute(':id/surrender', { summary: 'Record that the agency gives up its licence (final); its own staff may do this', type: LicenceView, conflict: true })
  @Allow('bureau_admin', 'agency_user')
  surrender(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'surrender', request.reason, { version: request.version });
  }
}
