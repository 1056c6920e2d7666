import { Body, Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '@app/access';
import { ChangeRoute, IdParam, PageOf, RateLimit, ReadRoute } from '@app/core';
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

  @ReadRoute('demerit-rules', { operationId: 'listDemeritRules', summary: 'Demerit points per decided sanction and per substantiated complaint by severity', type: DemeritRuleList })
  @Allow(...OFFICIALS)
  async rules(): Promise<DemeritRuleList> {
    return { items: await this.points.rules() };
  }

  @ChangeRoute('PUT', 'demerit-rules/:id', { operationId: 'updateDemeritRule', summary: 'Change the points of a rule (counted from the next grading)', type: DemeritRuleView })
  @Allow('ministry_official')
  updateRule(@IdParam() id: string, @Body() request: UpdateDemeritRuleRequest) {
    return this.points.updateRule(id, request);
  }

  @ReadRoute('fine-thresholds', { operationId: 'listFineThresholds', summary: "Provinces' large-amount fines (fen): a fine at or above gives a right to a hearing; a province without one: every fine does", type: FineThresholdList })
  @Allow(...OFFICIALS)
  async thresholds(): Promise<FineThresholdList> {
    return { items: await this.points.thresholds() };
  }

  @ChangeRoute('PUT', 'fine-thresholds/:province', { operationId: 'putFineThreshold', summary: "Set a province's large-amount fine (fen)", type: FineThresholdView })
  @Allow('ministry_official')
  putThreshold(@Param('province') province: string, @Body() request: PutFineThresholdRequest) {
    return this.points.putThreshold(province, request);
  }
}
