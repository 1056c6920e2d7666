import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ApiAcceptLanguage, Language, RequestLanguage } from '@app/checklists';
import { IdParam, PageOf, ProblemDetails } from '@app/core';
import {
  OpenRoundRequest,
  OpenRoundView,
  PutAnswersRequest,
  ReviewRequest,
  SelfAssessmentDetailView,
  SelfAssessmentQuery,
  SelfAssessmentView,
  VersionRequest,
} from './self-assessments.dto';
import { SelfAssessmentsService } from './self-assessments.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('self-assessments')
@Controller('self-assessments')
export class SelfAssessmentsController {
  constructor(private readonly selfAssessments: SelfAssessmentsService) {}

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Self-assessments in your jurisdiction (an agency: its own); filters overdue, returned, withDiscrepancies' })
  @ApiOkResponse({ type: PageOf(SelfAssessmentView) })
  list(@CurrentActor() actor: Actor, @Query() query: SelfAssessmentQuery) {
    return this.selfAssessments.list(actor, query);
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  @ApiOperation({ summary: 'One self-assessment with its answers and discrepancies' })
  @ApiOkResponse({ type: SelfAssessmentDetailView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @RequestLanguage() language: Language) {
    return this.selfAssessments.detail(actor, id, language);
  }

  @Post()
  @Allow('bureau_admin')
  @ApiOperation({ operationId: 'openSelfAssessmentRound', summary: 'Open a round: one agency, or every agency with a licence in force in your jurisdiction' })
  @ApiCreatedResponse({ type: OpenRoundView })
  open(@CurrentActor() actor: Actor, @Body() request: OpenRoundRequest) {
    return this.selfAssessments.openRound(actor, request);
  }

  @Put(':id/answers')
  @Allow('agency_user')
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  @ApiOperation({ operationId: 'saveSelfAssessmentAnswers', summary: 'Save the answers so far (draft or returned only)' })
  @ApiOkResponse({ type: SelfAssessmentDetailView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already submitted, or stale version' })
  putAnswers(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: PutAnswersRequest, @RequestLanguage() language: Language) {
    return this.selfAssessments.putAnswers(actor, id, request, language);
  }

  @Post(':id/submit')
  @Allow('agency_user')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit (or resubmit after a return); every item must be answered' })
  @ApiOkResponse({ type: SelfAssessmentView })
  @ApiConflictResponse({ type: ProblemDetails })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: VersionRequest) {
    return this.selfAssessments.submit(actor, id, request);
  }

  @Post(':id/review')
  @Allow('bureau_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept, or return with a note' })
  @ApiOkResponse({ type: SelfAssessmentView })
  @ApiConflictResponse({ type: ProblemDetails })
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: ReviewRequest) {
    return this.selfAssessments.review(actor, id, request);
  }
}
