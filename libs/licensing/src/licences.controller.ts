import { Body, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock, csvDownload, IdParam, PageOf, preferredLanguage, ReadRoute, StepRoute, wantsCsv } from '@app/core';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import type { FastifyReply } from 'fastify';
import { LicenceQuery, LicenceView, LicenceWithEvents, SuspendRequest, TransitionRequest } from './licensing.dto';
import { LicencesService } from './licences.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('licences')
@Controller('licences')
export class LicencesController {
  constructor(
    private readonly licences: LicencesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Licences in your jurisdiction, filtered by status, type, agency, expiry; Accept: text/csv for all of them as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(LicenceView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: LicenceQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.licences.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'licences', this.clock.today());
    return this.licences.exportCsv(actor, query, preferredLanguage(acceptLanguage, 'zh-CN'));
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
