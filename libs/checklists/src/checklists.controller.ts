import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateRoute, IdParam, PageOf, ReadRoute, StepRoute } from '@app/core';
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

  @ReadRoute(':id', { operationId: 'getChecklistTemplate', summary: 'One checklist template with its items', type: ChecklistTemplateView })
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  get(@IdParam() id: string, @RequestLanguage() language: Language) {
    return this.checklists.view(id, language);
  }

  @CreateRoute(undefined, { operationId: 'createChecklistTemplate', summary: 'A new draft template: a new code, or the next version of an existing one', type: ChecklistTemplateView })
  @Allow('ministry_official')
  create(@Body() request: CreateTemplateRequest, @RequestLanguage() language: Language) {
    return this.checklists.create(request, language);
  }

  @StepRoute(':id/publish', { operationId: 'publishChecklistTemplate', summary: 'Publish a draft; from then on it never changes', type: ChecklistTemplateView, conflict: 'Already published' })
  @Allow('ministry_official')
  publish(@IdParam() id: string, @RequestLanguage() language: Language) {
    return this.checklists.publish(id, language);
  }
}
