import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ChangeRoute, Clock, CreateRoute, csvDownload, IdParam, PageOf, preferredLanguage, ProblemDetails, ProblemException, ReadRoute, wantsCsv } from '@app/core';
import { Actor, Allow, assertExporter, CurrentActor } from '@app/access';
import { AgencyQuery, AgencyView, CreateAgencyRequest, ImportResult, UpdateAgencyRequest } from './agencies.dto';
import { AgenciesService } from './agencies.service';
import { AgencyImportService, IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './agency-import.service';
import { AgencyProfileSections, AgencyProfileView } from './agency-profile';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly importer: AgencyImportService,
    private readonly profileSections: AgencyProfileSections,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'The agency register in your jurisdiction (an agency user: its own agency); Accept: text/csv for all of it as CSV (officials only, audited)' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PageOf(AgencyView) })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: AgencyQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsCsv(accept)) return this.agencies.list(actor, query);
    assertExporter(actor);
    csvDownload(reply, 'agencies', this.clock.today());
    return this.agencies.exportCsv(actor, query, preferredLanguage(acceptLanguage, 'zh-CN'));
  }

  @CreateRoute(undefined, { summary: 'Register an agency in your jurisdiction', type: AgencyView })
  @Allow('bureau_admin')
  create(@CurrentActor() actor: Actor, @Body() request: CreateAgencyRequest) {
    return this.agencies.create(actor, request);
  }

  @Post('import')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'importAgencies', summary: 'Import agencies from a CSV file: all rows or none' })
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      `UTF-8 CSV (a BOM is accepted), up to ${MAX_IMPORT_ROWS} rows, with a header line. Columns: ` +
      `${Object.keys(IMPORT_COLUMNS).join(', ')}. Required: uscc, name_zh, legal_representative, address, ` +
      'jurisdiction_code (city level), agency_type (domestic_placement | overseas_placement | labour_service_cooperation). ' +
      'All rows are checked first; with any bad row nothing is written and every problem is listed with its line.',
    schema: { type: 'string', example: 'uscc,name_zh,legal_representative,address,jurisdiction_code,agency_type\n' },
  })
  @ApiOkResponse({ type: ImportResult })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'errors: [{ line, field, message }]' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: `More than ${MAX_IMPORT_ROWS} rows or IMPORT_BODY_LIMIT_BYTES bytes: the import stops there` })
  import(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    // The text/csv parser hands the body over unread (see http-app.ts); any other media type is refused.
    if (!(request.body instanceof Readable)) {
      throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', 'Send the file as text/csv');
    }
    return this.importer.import(actor, request.body);
  }

  @ReadRoute(':id', { summary: 'One agency (404 outside your jurisdiction)', type: AgencyView })
  @Allow(...READERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.agencies.get(actor, id);
  }

  @ChangeRoute('PATCH', ':id', { summary: 'Change an agency (send the version you read); its own staff may change contacts, address and English name', type: AgencyView })
  @Allow('bureau_admin', 'agency_user')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: UpdateAgencyRequest) {
    return this.agencies.update(actor, id, request);
  }

  @ReadRoute(':id/profile', { operationId: 'getAgencyProfile', summary: 'The agency with its licences and events, inspections, complaints, self-assessments and risk factors', type: AgencyProfileView })
  @Allow(...READERS)
  async profile(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AgencyProfileView> {
    const agency = await this.agencies.get(actor, id);
    return { agency, ...(await this.profileSections.load(id, actor)) };
  }
}
