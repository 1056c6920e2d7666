import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { Allow } from '@app/access';
import { ChecklistTemplateView, CreateTemplateRequest, TemplateQuery } from './checklists.dto';
import { ChecklistsService } from './checklists.service';
import { Language } from './language';
import { ApiAcceptLanguage, RequestLanguage } from './language-header';

@ApiTags('checklists')
@ApiAcceptLanguage()
@Controller('checklist-templates')
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  @Get()
  // Inspectors and bureaus read the templates they inspect by; only the ministry writes them.
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  @ApiOperation({ operationId: 'listChecklistTemplates', summary: 'Checklist templates, newest first, with their items' })
  @ApiOkResponse({ type: PageOf(ChecklistTemplateView) })
  list(@Query() query: TemplateQuery, @RequestLanguage() language: Language) {
    return this.checklists.list(query, language);
  }

  @Get(':id')
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ operationId: 'getChecklistTemplate', summary: 'One checklist template with its items' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  get(@IdParam() id: string, @RequestLanguage() language: Language) {
    return this.checklists.view(id, language);
  }

  @Post()
  @Allow('ministry_official')
  @ApiOperation({ operationId: 'createChecklistTemplate', summary: 'A new draft template: a new code, or the next version of an existing one' })
  @ApiCreatedResponse({ type: ChecklistTemplateView })
  create(@Body() request: CreateTemplateRequest, @RequestLanguage() language: Language) {
    return this.checklists.create(request, language);
  }

  @Post(':id/publish')
  @Allow('ministry_official')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'publishChecklistTemplate', summary: 'Publish a draft; from then on it never changes' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already published' })
  publish(@IdParam() id: string, @RequestLanguage() language: Language) {
    return this.checklists.publish(id, language);
  }
}
