import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { Actor, Allow, CurrentActor, Public } from '@app/access';
import { BureausService } from './bureaus.service';
import { Jurisdiction } from './jurisdiction.entity';
import { BureauQuery, BureauView, CreateBureauRequest, JurisdictionQuery, UpdateBureauRequest } from './jurisdictions.dto';
import { JurisdictionsService } from './jurisdictions.service';

@ApiTags('jurisdictions')
@Controller('jurisdictions')
export class JurisdictionsController {
  constructor(private readonly jurisdictions: JurisdictionsService) {}

  /** Public reference data (GB/T 2260): the complaint form and the public register need it too. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Administrative divisions (GB/T 2260)' })
  @ApiOkResponse({ type: [Jurisdiction] })
  list(@Query() query: JurisdictionQuery): Promise<Jurisdiction[]> {
    return this.jurisdictions.list(query);
  }
}

@ApiTags('bureaus')
@Controller('bureaus')
export class BureausController {
  constructor(private readonly bureaus: BureausService) {}

  @Get()
  @Allow('system_admin', 'ministry_official', 'bureau_admin')
  @ApiOperation({ summary: 'Bureaus: all for national roles; a bureau admin sees its own bureau and those below it' })
  @ApiOkResponse({ type: PageOf(BureauView) })
  list(@CurrentActor() actor: Actor, @Query() query: BureauQuery) {
    return this.bureaus.list(actor, query);
  }

  @Get(':id')
  @Allow('system_admin', 'ministry_official', 'bureau_admin')
  @ApiOperation({ summary: 'One bureau (404 when out of scope)' })
  @ApiOkResponse({ type: BureauView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.bureaus.get(actor, id);
  }

  @Patch(':id')
  @Allow('system_admin')
  @ApiOperation({ operationId: 'updateBureau', summary: 'Rename a bureau, change its email, disable or enable it (send the version you read)' })
  @ApiOkResponse({ type: BureauView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The version is stale, or the bureau still has active users' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateBureauRequest) {
    return this.bureaus.update(actor, id, request);
  }

  @Post()
  @Allow('system_admin')
  @ApiOperation({ summary: 'Register a bureau (the ministry, a province or a city)' })
  @ApiCreatedResponse({ type: BureauView })
  create(@Body() request: CreateBureauRequest) {
    return this.bureaus.create(request);
  }
}
