import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import { Allow } from '@app/auth/access';
import { ChecklistTemplateView, CreateTemplateRequest, TemplateQuery } from './checklists.dto';
import { ChecklistsService } from './checklists.service';
import { primaryLanguage } from './language';

const LANGUAGE_HEADER = { name: 'accept-language', required: false, description: 'zh-CN (default) or en: the primary text; both are always present' };

@ApiTags('checklists')
@ApiHeader(LANGUAGE_HEADER)
@Controller('checklist-templates')
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  @Get()
  // Inspectors and bureaus read the templates they inspect by; only the ministry writes them.
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  @ApiOperation({ summary: 'Checklist templates, newest first, with their items' })
  @ApiOkResponse({ type: PageOf(ChecklistTemplateView) })
  list(@Query() query: TemplateQuery, @Headers('accept-language') acceptLanguage?: string) {
    return this.checklists.list(query, primaryLanguage(acceptLanguage));
  }

  @Get(':id')
  @Allow('ministry_official', 'bureau_admin', 'inspector', 'agency_user')
  @ApiOperation({ summary: 'One checklist template with its items' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  get(@IdParam() id: string, @Headers('accept-language') acceptLanguage?: string) {
    return this.checklists.view(id, primaryLanguage(acceptLanguage));
  }

  @Post()
  @Allow('ministry_official')
  @ApiOperation({ summary: 'A new draft template: a new code, or the next version of an existing one' })
  @ApiCreatedResponse({ type: ChecklistTemplateView })
  create(@Body() request: CreateTemplateRequest, @Headers('accept-language') acceptLanguage?: string) {
    return this.checklists.create(request, primaryLanguage(acceptLanguage));
  }

  @Post(':id/publish')
  @Allow('ministry_official')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a draft; from then on it never changes' })
  @ApiOkResponse({ type: ChecklistTemplateView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already published' })
  publish(@IdParam() id: string, @Headers('accept-language') acceptLanguage?: string) {
    return this.checklists.publish(id, primaryLanguage(acceptLanguage));
  }
}
