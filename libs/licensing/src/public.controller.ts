import { Controller, Get, Header, Headers, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListRoute, preferredLanguage, ProblemDetails, RateLimit, ReadRoute } from '@app/core';
import { Public } from '@app/access';
import { AgencySuggestionQuery, AgencySuggestions, LicenceVerification, PublicAgency, PublicAgencyQuery, VerificationQuery } from './licensing.dto';
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
  @Header('vary', 'Accept-Language')
  // The service answers with JSON text, sent as it is.
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({
    operationId: 'verifyLicence',
    summary: 'Verify a licence by its number, or an agency by its unified social credit code: may it recruit today?',
    description: '`explanation` is in the language of Accept-Language (English without it). The number may be typed with spaces, lower case or full-width characters. With `destination`, the answer says whether the licence covers that country.',
  })
  @ApiOkResponse({ type: LicenceVerification })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No licence with that number or code' })
  verify(@Param('number') number: string, @Query() query: VerificationQuery, @Headers('accept-language') acceptLanguage?: string): Promise<string> {
    return this.register.verify(number, preferredLanguage(acceptLanguage, 'en'), query.destination);
  }

  @ListRoute('agencies', { operationId: 'searchPublicRegister', summary: 'The public register of licensed agencies', item: PublicAgency })
  @Public()
  @RateLimit('public')
  @Header('cache-control', SHORT_CACHE)
  agencies(@Query() query: PublicAgencyQuery) {
    return this.register.agencies(query);
  }

  @ReadRoute('agency-suggestions', { summary: 'Agencies of the public register by the start of a licence number or USCC, or part of a name (at most 8)', type: AgencySuggestions })
  @Public()
  @RateLimit('public')
  @Header('cache-control', SHORT_CACHE)
  async suggestions(@Query() query: AgencySuggestionQuery): Promise<AgencySuggestions> {
    return { items: await this.register.suggestions(query.q) };
  }
}
