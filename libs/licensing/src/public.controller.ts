import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageOf, ProblemDetails, RateLimit } from '@app/core';
import { Public } from '@app/auth/access';
import { LicenceVerification, PublicAgency, PublicAgencyQuery } from './licensing.dto';
import { PublicRegisterService } from './public-register.service';

/** Cached briefly by browsers and proxies: a status change shows within a minute. */
const SHORT_CACHE = 'public, max-age=60, stale-while-revalidate=30';

@ApiTags('public')
@Controller('public')
export class PublicLicencesController {
  constructor(private readonly register: PublicRegisterService) {}

  @Get('licences/:number')
  @Public()
  @RateLimit('public')
  @Header('cache-control', SHORT_CACHE)
  // The service answers with JSON text, sent as it is.
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'Verify a licence by its number, or an agency by its unified social credit code: may it recruit today?' })
  @ApiOkResponse({ type: LicenceVerification })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No licence with that number or code' })
  verify(@Param('number') number: string): Promise<string> {
    return this.register.verify(number);
  }

  @Get('agencies')
  @Public()
  @RateLimit('public')
  @Header('cache-control', SHORT_CACHE)
  @ApiOperation({ summary: 'The public register of licensed agencies' })
  @ApiOkResponse({ type: PageOf(PublicAgency) })
  agencies(@Query() query: PublicAgencyQuery) {
    return this.register.agencies(query);
  }
}
