import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { IdParam, ProblemDetails } from '@app/core';
import { CreateReserveFundEntryRequest, ReserveFundView } from './reserve-funds.dto';
import { ReserveFundsService } from './reserve-funds.service';

@ApiTags('reserve-funds')
@Controller('agencies/:id/reserve-fund')
export class ReserveFundsController {
  constructor(private readonly funds: ReserveFundsService) {}

  @Get()
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ operationId: 'getReserveFund', summary: 'The agency’s reserve fund: balance, required amount, running top-up deadline and the ledger' })
  @ApiOkResponse({ type: ReserveFundView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.funds.view(actor, id);
  }

  @Post('entries')
  @Allow('bureau_admin', 'agency_user')
  @ApiOperation({ operationId: 'addReserveFundEntry', summary: 'Record a deposit or a draw with its bank evidence (append-only: a correction is a new entry)' })
  @ApiCreatedResponse({ type: ReserveFundView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'A draw above the balance, or an agency that keeps no reserve fund' })
  add(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: CreateReserveFundEntryRequest) {
    return this.funds.addEntry(actor, id, request);
  }
}
