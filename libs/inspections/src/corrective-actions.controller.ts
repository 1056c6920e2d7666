import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ChangeRoute, IdParam, ListRoute, ReadRoute, StatusCountsView } from '@app/core';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CorrectiveActionPatch, CorrectiveActionQuery, CorrectiveActionView } from './inspections.dto';

@ApiTags('inspections')
@Controller('corrective-actions')
export class CorrectiveActionsController {
  constructor(private readonly actions: CorrectiveActionsService) {}

  @ReadRoute('counts', { operationId: 'countCorrectiveActions', summary: 'Corrective actions in your jurisdiction counted by status, exactly (one grouped query)', type: StatusCountsView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  counts(@CurrentActor() actor: Actor): Promise<StatusCountsView> {
    return this.actions.counts(actor);
  }

  @ListRoute(undefined, { summary: 'Corrective actions in your jurisdiction (an agency: its own)', item: CorrectiveActionView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  list(@CurrentActor() actor: Actor, @Query() query: CorrectiveActionQuery) {
    return this.actions.list(actor, query);
  }

  @ChangeRoute('PATCH', ':id', { operationId: 'updateCorrectiveAction', summary: 'The agency submits its answer; an inspector or bureau admin verifies it or reopens the action', type: CorrectiveActionView, conflict: true })
  @Allow('bureau_admin', 'inspector', 'agency_user')
  patch(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CorrectiveActionPatch) {
    return this.actions.patch(actor, id, request);
  }
}
