import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@app/access';
import { ChangeRoute, CreateRoute, Problems } from '@app/core';
import { CreateClauseRequest, DestinationRequest, UpdateClauseRequest } from '../placements.dto';
import { ClauseView, DestinationView } from '../placement-views.dto';
import { PlacementReferenceService } from './placement-reference.service';

@ApiTags('admin')
@Controller('admin/placements')
export class PlacementReferenceController {
  constructor(private readonly reference: PlacementReferenceService) {}

  @CreateRoute('clauses', { operationId: 'createPlacementClause', summary: 'Add a clause to the sample contract (a kind the checker knows, with its parameters and source)', type: ClauseView })
  @Allow('system_admin')
  create(@Body() request: CreateClauseRequest) {
    return this.reference.createClause(request);
  }

  @ChangeRoute('PUT', 'clauses/:code', { operationId: 'updatePlacementClause', summary: 'Change a clause (its parameters, texts, source, or retire it with active: false)', type: ClauseView })
  @Allow('system_admin')
  update(@Param('code') code: string, @Body() request: UpdateClauseRequest) {
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(code)) throw Problems.notFound('Contract clause', code.slice(0, 40));
    return this.reference.updateClause(code, request);
  }

  @ChangeRoute('PUT', 'destinations/:countryCode', { operationId: 'putPlacementDestination', summary: 'Add or change a destination: its names, minimum monthly wage and local help line', type: DestinationView })
  @Allow('system_admin')
  putDestination(@Param('countryCode') countryCode: string, @Body() request: DestinationRequest) {
    if (!/^[A-Z]{2}$/.test(countryCode)) throw Problems.invalid([{ field: 'countryCode', message: 'countryCode must be an ISO 3166-1 alpha-2 code' }]);
    return this.reference.putDestination(countryCode, request);
  }
}
