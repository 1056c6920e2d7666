import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ApiAcceptLanguage, Language, RequestLanguage } from '@app/checklists';
import { ChangeRoute, CreateRoute, IdParam, ListRoute, ReadRoute, StatusCountsView, StepRoute } from '@app/core';
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

  @ReadRoute('counts', { operationId: 'countSelfAssessments', summary: 'Self-assessments in your jurisdiction counted by status, exactly (one grouped query)', type: StatusCountsView })
  @Allow(...READERS)
  counts(@CurrentActor() actor: Actor): Promise<StatusCountsView> {
    return this.selfAssessments.counts(actor);
  }

  @ListRoute(undefined, { summary: 'Self-assessments in your jurisdiction (an agency: its own); filters overdue, returned, withDiscrepancies', item: SelfAssessmentView })
  @Allow(...READERS)
  list(@CurrentActor() actor: Actor, @Query() query: SelfAssessmentQuery) {
    return this.selfAssessments.list(actor, query);
  }

  @ReadRoute(':id', { summary: 'One self-assessment with its answers and discrepancies', type: SelfAssessmentDetailView })
  @Allow(...READERS)
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @RequestLanguage() language: Language) {
    return this.selfAssessments.detail(actor, id, language);
  }

  @CreateRoute(undefined, { operationId: 'openSelfAssessmentRound', summary: 'Open a round: one agency, or every agency with a licence in force in your jurisdiction', type: OpenRoundView })
  @Allow('bureau_admin')
  open(@CurrentActor() actor: Actor, @Body() request: OpenRoundRequest) {
    return this.selfAssessments.openRound(actor, request);
  }

  @ChangeRoute('PUT', ':id/answers', { operationId: 'saveSelfAssessmentAnswers', summary: 'Save the answers so far (draft or returned only)', type: SelfAssessmentDetailView, conflict: 'Already submitted, or stale version' })
  @Allow('agency_user')
  @ApiAcceptLanguage('zh-CN (default) or en: the primary item text')
  putAnswers(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: PutAnswersRequest, @RequestLanguage() language: Language) {
    return this.selfAssessments.putAnswers(actor, id, request, language);
  }

  @StepRoute(':id/submit', { summary: 'Submit (or resubmit after a return); every item must be answered', type: SelfAssessmentView, conflict: true })
  @Allow('agency_user')
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: VersionRequest) {
    return this.selfAssessments.submit(actor, id, request);
  }

  @StepRoute(':id/review', { summary: 'Accept, or return with a note', type: SelfAssessmentView, conflict: true })
  @Allow('bureau_admin')
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: ReviewRequest) {
    return this.selfAssessments.review(actor, id, request);
  }
}
