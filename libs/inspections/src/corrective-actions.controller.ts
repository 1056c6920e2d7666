import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CorrectiveActionPatch, CorrectiveActionQuery, CorrectiveActionView } from './inspections.dto';

@ApiTags('inspections')
@Controller('corrective-actions')
export class CorrectiveActionsController {
  constructor(private readonly actions: CorrectiveActionsService) {}

  @Get()
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ summary: 'Corrective actions in your jurisdiction (an agency: its own)' })
  @ApiOkResponse({ type: PageOf(CorrectiveActionView) })
  list(@CurrentActor() actor: Actor, @Query() query: CorrectiveActionQuery) {
    return this.actions.list(actor, query);
  }

  @Patch(':id')
  @Allow('bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ operationId: 'updateCorrectiveAction', summary: 'The agency submits its answer; an inspector or bureau admin verifies it or reopens the action' })
  @ApiOkResponse({ type: CorrectiveActionView })
  @ApiConflictResponse({ type: ProblemDetails })
  patch(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CorrectiveActionPatch) {
    return this.actions.patch(actor, id, request);
  }
}
