import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeRoute, CreateRoute, IdParam, ListRoute, ReadRoute } from '@app/core';
import { Actor, Allow, CurrentActor, Public } from '@app/access';
import { BureausService } from './bureaus.service';
import { Jurisdiction } from './jurisdiction.entity';
import { BureauQuery, BureauView, CreateBureauRequest, JurisdictionQuery, UpdateBureauRequest } from './jurisdictions.dto';
import { JurisdictionsService } from './jurisdictions.service';

@ApiTags('jurisdictions')
@Controller('jurisdictions')
export class JurisdictionsController {
  constructor(private readonly jurisdictions: JurisdictionsService) {}

  // Public reference data (GB/T 2260): the complaint form and the public register need it too.
  @ReadRoute(undefined, { summary: 'Administrative divisions (GB/T 2260)', type: [Jurisdiction] })
  @Public()
  list(@Query() query: JurisdictionQuery): Promise<Jurisdiction[]> {
    return this.jurisdictions.list(query);
  }
}

@ApiTags('bureaus')
@Controller('bureaus')
export class BureausController {
  constructor(private readonly bureaus: BureausService) {}

  @ListRoute(undefined, { summary: 'Bureaus: all for national roles; a bureau admin sees its own bureau and those below it', item: BureauView })
  @Allow('system_admin', 'ministry_official', 'bureau_admin')
  list(@CurrentActor() actor: Actor, @Query() query: BureauQuery) {
    return this.bureaus.list(actor, query);
  }

  @ReadRoute(':id', { summary: 'One bureau (404 when out of scope)', type: BureauView })
  @Allow('system_admin', 'ministry_official', 'bureau_admin')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.bureaus.get(actor, id);
  }

  @ChangeRoute('PATCH', ':id', { operationId: 'updateBureau', summary: 'Rename a bureau, change its email, disable or enable it (send the version you read)', type: BureauView, notFound: true, conflict: 'The version is stale, or the bureau still has active users' })
  @Allow('system_admin')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateBureauRequest) {
    return this.bureaus.update(actor, id, request);
  }

  @CreateRoute(undefined, { summary: 'Register a bureau (the ministry, a province or a city)', type: BureauView })
  @Allow('system_admin')
  create(@Body() request: CreateBureauRequest) {
    return this.bureaus.create(request);
  }
}
