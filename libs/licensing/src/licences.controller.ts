import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, wantsCsv } from '@app/core';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
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

  @Get(':id')
  @Allow(...READERS)
  @ApiOperation({ summary: 'One licence with its events' })
  @ApiOkResponse({ type: LicenceWithEvents })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.licences.getWithEvents(actor, id);
  }

  @Post(':id/suspend')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend an active licence, optionally until a date' })
  @ApiOkResponse({ type: LicenceView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Not active (currentStatus named), or changed meanwhile' })
  suspend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: SuspendRequest) {
    return this.licences.transition(actor, id, 'suspend', request.reason, { version: request.version, until: request.until });
  }

  @Post(':id/reinstate')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reinstate a suspended licence' })
  @ApiOkResponse({ type: LicenceView })
  @ApiConflictResponse({ type: ProblemDetails })
  reinstate(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'reinstate', request.reason, { version: request.version });
  }

  @Post(':id/revoke')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke an active or suspended licence (final)' })
  @ApiOkResponse({ type: LicenceView })
  @ApiConflictResponse({ type: ProblemDetails })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'revoke', request.reason, { version: request.version });
  }

  @Post(':id/surrender')
  @Allow('bureau_admin', 'agency_user')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that the agency gives up its licence (final); its own staff may do this' })
  @ApiOkResponse({ type: LicenceView })
  @ApiConflictResponse({ type: ProblemDetails })
  surrender(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: TransitionRequest) {
    return this.licences.transition(actor, id, 'surrender', request.reason, { version: request.version });
  }
}
