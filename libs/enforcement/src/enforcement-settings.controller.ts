import { Body, Controller, Get, Header, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '@app/access';
import { IdParam, PageOf, RateLimit } from '@app/core';
import { DemeritRuleList, DemeritRuleView, FineThresholdList, FineThresholdView, PublicSanction, PublicSanctionQuery, PutFineThresholdRequest, UpdateDemeritRuleRequest } from './cases.dto';
import { DemeritPointsService } from './demerit-points.service';
import { PublicSanctionsService } from './public-sanctions.service';

const OFFICIALS = ['ministry_official', 'bureau_admin', 'inspector'] as const;

@ApiTags('enforcement')
@Controller()
export class EnforcementSettingsController {
  constructor(
    private readonly points: DemeritPointsService,
    private readonly sanctions: PublicSanctionsService,
  ) {}

  @Get('public/sanctions')
  @Public()
  @RateLimit('public')
  // Revalidated every time (the server's own cache makes that cheap): an annulled sanction must
  // leave every browser's list at once, not a minute later.
  @Header('cache-control', 'no-cache')
  @ApiOperation({ operationId: 'listPublicSanctions', summary: 'Decided fines, suspensions and revocations (not annulled), newest first: agency, licences, sanction, dates, legal basis, facts' })
  @ApiOkResponse({ type: PageOf(PublicSanction) })
  publicSanctions(@Query() query: PublicSanctionQuery) {
    return this.sanctions.list(query);
  }

  @Get('demerit-rules')
  @Allow(...OFFICIALS)
  @ApiOperation({ operationId: 'listDemeritRules', summary: 'Demerit points per decided sanction and per substantiated complaint by severity' })
  @ApiOkResponse({ type: DemeritRuleList })
  async rules(): Promise<DemeritRuleList> {
    return { items: await this.points.rules() };
  }

  @Put('demerit-rules/:id')
  @Allow('ministry_official')
  @ApiOperation({ operationId: 'updateDemeritRule', summary: 'Change the points of a rule (counted from the next grading)' })
  @ApiOkResponse({ type: DemeritRuleView })
  updateRule(@IdParam() id: string, @Body() request: UpdateDemeritRuleRequest) {
    return this.points.updateRule(id, request);
  }

  @Get('fine-thresholds')
  @Allow(...OFFICIALS)
  @ApiOperation({ operationId: 'listFineThresholds', summary: "Provinces' large-amount fines (fen): a fine at or above gives a right to a hearing; a province without one: every fine does" })
  @ApiOkResponse({ type: FineThresholdList })
  async thresholds(): Promise<FineThresholdList> {
    return { items: await this.points.thresholds() };
  }

  @Put('fine-thresholds/:province')
  @Allow('ministry_official')
  @ApiOperation({ operationId: 'putFineThreshold', summary: "Set a province's large-amount fine (fen)" })
  @ApiOkResponse({ type: FineThresholdView })
  putThreshold(@Param('province') province: string, @Body() request: PutFineThresholdRequest) {
    return this.points.putThreshold(province, request);
  }
}
