import { Controller, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/access';
import { RateLimit, ReadRoute } from '@app/core';
import { PublicPlacementQuery } from './placements.dto';
import { PublicPlacementView } from './placement-views.dto';
import { PublicPlacementCheckService } from './public-placement-check.service';

@ApiTags('public')
@Controller('public/placements')
export class PublicPlacementsController {
  constructor(private readonly checks: PublicPlacementCheckService) {}

  @ReadRoute(':checkCode', { operationId: 'checkPlacement', summary: 'The worker checks her placement: the agency and its licence today, the job, wage, hours, duration, training and the help lines', type: PublicPlacementView, notFound: 'Unknown code or wrong ID suffix (not told apart)' })
  @Public()
  @RateLimit('public')
  @Header('cache-control', 'no-store')
  check(@Param('checkCode') checkCode: string, @Query() query: PublicPlacementQuery) {
    return this.checks.check(checkCode, query.idLast4);
  }
}
