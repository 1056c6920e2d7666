import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { CreateRoute, IdParam, ProblemDetails, ReadRoute } from '@app/core';
import { CreateReserveFundEntryRequest, ReserveFundView, VerifyReserveFundEntryRequest } from './reserve-funds.dto';
import { ReserveFundsService } from './reserve-funds.service';

@ApiTags('reserve-funds')
@Controller('agencies/:id/reserve-fund')
export class ReserveFundsController {
  constructor(private readonly funds: ReserveFundsService) {}

  @ReadRoute(undefined, { operationId: 'getReserveFund', summary: 'The agency’s reserve fund: balance, required amount, running top-up deadline and the ledger', type: ReserveFundView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.funds.view(actor, id);
  }

  @CreateRoute('entries', { operationId: 'addReserveFundEntry', summary: 'Record a deposit or a draw with its bank evidence (append-only: a correction is a new entry)', type: ReserveFundView, conflict: 'A draw above the balance, or an agency that keeps no reserve fund' })
  @Allow('bureau_admin', 'agency_user')
  add(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CreateReserveFundEntryRequest) {
    return this.funds.addEntry(actor, id, request);
  }

  @Post('entries/:entryId/verify')
  @Allow('bureau_admin')
  @ApiOperation({ operationId: 'verifyReserveFundEntry', summary: 'Confirm the bank evidence of an entry the agency declared: from now on it counts toward the verified balance and the top-up' })
  @ApiOkResponse({ type: ReserveFundView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such entry in this agency’s ledger, or the agency is out of your jurisdiction' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already verified, or a stale version' })
  @HttpCode(200)
  verify(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('entryId') entryId: string, @Body() request: VerifyReserveFundEntryRequest) {
    return this.funds.verifyEntry(actor, id, entryId, request);
  }
}
