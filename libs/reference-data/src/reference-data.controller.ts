import { Body, Controller, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ChangeRoute, CreateRoute, IdParam, preferredLanguage, RateLimit, ReadRoute, RemoveRoute } from '@app/core';
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

  @ReadRoute('help-lines', { summary: 'Numbers a worker can call for help, in the language of Accept-Language (Chinese by default)', type: PublicHelpLines })
  @Public()
  @RateLimit('public')
  @Header('cache-control', REFERENCE_CACHE)
  @Header('vary', 'Accept-Language')
  async helpLines(@Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicHelpLines> {
    const language = preferredLanguage(acceptLanguage, 'zh-CN');
    void reply.header('content-language', language);
    return { items: await this.reference.publicHelpLines(language) };
  }

  @ReadRoute('country-notes', { summary: 'Advice for a destination country (and for every destination), in the language of Accept-Language', type: PublicCountryNotes })
  @Public()
  @RateLimit('public')
  @Header('cache-control', REFERENCE_CACHE)
  @Header('vary', 'Accept-Language')
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

  @ReadRoute('help-lines', { summary: 'Every help line, in both languages', type: AdminHelpLines })
  @Allow('system_admin')
  async helpLines(): Promise<AdminHelpLines> {
    return { items: await this.reference.helpLines() };
  }

  @CreateRoute('help-lines', { summary: 'Add a help line (cite its source)', type: AdminHelpLine, conflict: 'The number is already listed' })
  @Allow('system_admin')
  createHelpLine(@Body() request: HelpLineRequest): Promise<AdminHelpLine> {
    return this.reference.createHelpLine(request);
  }

  @ChangeRoute('PUT', 'help-lines/:id', { summary: 'Replace a help line', type: AdminHelpLine, notFound: true, conflict: 'Stale version, or the number is already listed' })
  @Allow('system_admin')
  updateHelpLine(@IdParam() id: string, @Body() request: UpdateHelpLineRequest): Promise<AdminHelpLine> {
    return this.reference.updateHelpLine(id, request);
  }

  @RemoveRoute('help-lines/:id', { summary: 'Remove a help line (`?version=` as read)', conflict: 'Stale version' })
  @Allow('system_admin')
  removeHelpLine(@IdParam() id: string, @Query() query: VersionQuery): Promise<void> {
    return this.reference.removeHelpLine(id, query.version);
  }

  @ReadRoute('country-notes', { summary: 'Every country note, in both languages', type: AdminCountryNotes })
  @Allow('system_admin')
  async countryNotes(): Promise<AdminCountryNotes> {
    return { items: await this.reference.countryNotes() };
  }

  @CreateRoute('country-notes', { summary: 'Add a country note (cite its source)', type: AdminCountryNote })
  @Allow('system_admin')
  createCountryNote(@Body() request: CountryNoteRequest): Promise<AdminCountryNote> {
    return this.reference.createCountryNote(request);
  }

  @ChangeRoute('PUT', 'country-notes/:id', { summary: 'Replace a country note', type: AdminCountryNote, notFound: true, conflict: 'Stale version' })
  @Allow('system_admin')
  updateCountryNote(@IdParam() id: string, @Body() request: UpdateCountryNoteRequest): Promise<AdminCountryNote> {
    return this.reference.updateCountryNote(id, request);
  }

  @RemoveRoute('country-notes/:id', { summary: 'Remove a country note (`?version=` as read)', conflict: 'Stale version' })
  @Allow('system_admin')
  removeCountryNote(@IdParam() id: string, @Query() query: VersionQuery): Promise<void> {
    return this.reference.removeCountryNote(id, query.version);
  }
}
