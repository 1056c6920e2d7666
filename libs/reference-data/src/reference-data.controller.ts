import { Body, Controller, Delete, Get, Header, Headers, HttpCode, HttpStatus, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam, preferredLanguage, ProblemDetails, RateLimit } from '@app/core';
import { Allow, Public } from '@app/access';
import {
  AdminCountryNote,
  AdminCountryNotes,
  AdminHelpLine,
  AdminHelpLines,
  CountryNoteRequest,
  CountryNotesQuery,
  HelpLineRequest,
  PublicCountryNotes,
  PublicHelpLines,
  UpdateCountryNoteRequest,
  UpdateHelpLineRequest,
  VersionQuery,
} from './reference-data.dto';
import { ReferenceDataService } from './reference-data.service';

/** Changes by an admin show within five minutes. */
const REFERENCE_CACHE = 'public, max-age=300';

@ApiTags('public')
@Controller('public')
export class PublicReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get('help-lines')
  @Public()
  @RateLimit('public')
  @Header('cache-control', REFERENCE_CACHE)
  @Header('vary', 'Accept-Language')
  @ApiOperation({ summary: 'Numbers a worker can call for help, in the language of Accept-Language (Chinese by default)' })
  @ApiOkResponse({ type: PublicHelpLines })
  async helpLines(@Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicHelpLines> {
    const language = preferredLanguage(acceptLanguage, 'zh-CN');
    void reply.header('content-language', language);
    return { items: await this.reference.publicHelpLines(language) };
  }

  @Get('country-notes')
  @Public()
  @RateLimit('public')
  @Header('cache-control', REFERENCE_CACHE)
  @Header('vary', 'Accept-Language')
  @ApiOperation({ summary: 'Advice for a destination country (and for every destination), in the language of Accept-Language' })
  @ApiOkResponse({ type: PublicCountryNotes })
  async countryNotes(
    @Query() query: CountryNotesQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicCountryNotes> {
    const language = preferredLanguage(acceptLanguage, 'zh-CN');
    void reply.header('content-language', language);
    return { items: await this.reference.publicCountryNotes(query.country, language) };
  }
}

@ApiTags('reference data')
@Controller('admin')
export class AdminReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get('help-lines')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Every help line, in both languages' })
  @ApiOkResponse({ type: AdminHelpLines })
  async helpLines(): Promise<AdminHelpLines> {
    return { items: await this.reference.helpLines() };
  }

  @Post('help-lines')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Add a help line (cite its source)' })
  @ApiCreatedResponse({ type: AdminHelpLine })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The number is already listed' })
  createHelpLine(@Body() request: HelpLineRequest): Promise<AdminHelpLine> {
    return this.reference.createHelpLine(request);
  }

  @Put('help-lines/:id')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Replace a help line' })
  @ApiOkResponse({ type: AdminHelpLine })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Stale version, or the number is already listed' })
  updateHelpLine(@IdParam() id: string, @Body() request: UpdateHelpLineRequest): Promise<AdminHelpLine> {
    return this.reference.updateHelpLine(id, request);
  }

  @Delete('help-lines/:id')
  @Allow('system_admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a help line (`?version=` as read)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetails, description: 'Stale version' })
  removeHelpLine(@IdParam() id: string, @Query() query: VersionQuery): Promise<void> {
    return this.reference.removeHelpLine(id, query.version);
  }

  @Get('country-notes')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Every country note, in both languages' })
  @ApiOkResponse({ type: AdminCountryNotes })
  async countryNotes(): Promise<AdminCountryNotes> {
    return { items: await this.reference.countryNotes() };
  }

  @Post('country-notes')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Add a country note (cite its source)' })
  @ApiCreatedResponse({ type: AdminCountryNote })
  createCountryNote(@Body() request: CountryNoteRequest): Promise<AdminCountryNote> {
    return this.reference.createCountryNote(request);
  }

  @Put('country-notes/:id')
  @Allow('system_admin')
  @ApiOperation({ summary: 'Replace a country note' })
  @ApiOkResponse({ type: AdminCountryNote })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Stale version' })
  updateCountryNote(@IdParam() id: string, @Body() request: UpdateCountryNoteRequest): Promise<AdminCountryNote> {
    return this.reference.updateCountryNote(id, request);
  }

  @Delete('country-notes/:id')
  @Allow('system_admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a country note (`?version=` as read)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDetails, description: 'Stale version' })
  removeCountryNote(@IdParam() id: string, @Query() query: VersionQuery): Promise<void> {
    return this.reference.removeCountryNote(id, query.version);
  }
}
