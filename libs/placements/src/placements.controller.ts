import { Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Allow, CurrentActor } from '@app/access';
import { CreateRoute, IdParam, ListRoute, ProblemDetails, ReadRoute } from '@app/core';
import { CreatePlacementRequest, PlacementQuery, PlacementSummaryQuery, RecordReturnRequest } from './placements.dto';
import { PlacementReferenceView, PlacementSummaryView, PlacementRecordView } from './placement-views.dto';
import { PlacementsService } from './placements.service';
import { PlacementFilingService } from './placement-filing.service';
import { PlacementReturnsService } from './placement-returns.service';
import { PlacementSummaryService, summaryCsv } from './placement-summary.service';
import { PlacementReferenceService } from './reference/placement-reference.service';

const READERS = ['ministry_official', 'bureau_admin', 'inspector', 'agency_user'] as const;

@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly filing: PlacementFilingService,
    private readonly returns: PlacementReturnsService,
    private readonly summaries: PlacementSummaryService,
    private readonly reference: PlacementReferenceService,
  ) {}

  @CreateRoute(undefined, { operationId: 'filePlacement', summary: 'File a worker’s placement abroad: the licence must cover the destination, the contract meet the sample contract’s clauses and the training the rules', type: PlacementRecordView, conflict: 'No active licence for work abroad, or the worker is still abroad on another placement' })
  @Allow('agency_user')
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Invalid fields; a refused contract or training names every failing clause in `clauses` (Chinese and English)' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'A domestic placement agency' })
  file(@CurrentActor() actor: Actor, @Body() request: CreatePlacementRequest) {
    return this.filing.file(actor, request);
  }

  @ListRoute(undefined, { operationId: 'listPlacements', summary: 'Placements in your jurisdiction (an agency: its own); filters agencyId, checkCode (the placement a complaint names), destinationCountry, status, returnReason, from/to (departure); Accept: text/csv for CSV', item: PlacementRecordView })
  @Allow(...READERS)
  @ApiProduces('application/json', 'text/csv')
  async list(@CurrentActor() actor: Actor, @Query() query: PlacementQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    if (accept?.includes('text/csv')) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', 'attachment; filename="placements.csv"');
      return this.placements.csv(actor, query);
    }
    return this.placements.list(actor, query);
  }

  @ReadRoute('summary', { operationId: 'getPlacementSummary', summary: 'Placements, early returns and returns for abuse by destination, province, month or agency, in your jurisdiction (Accept: text/csv for CSV)', type: PlacementSummaryView })
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  @ApiProduces('application/json', 'text/csv')
  async summary(@CurrentActor() actor: Actor, @Query() query: PlacementSummaryQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.summaries.summary(actor, query);
    if (accept?.includes('text/csv')) {
      void reply.header('content-type', 'text/csv; charset=utf-8');
      void reply.header('content-disposition', `attachment; filename="placements-by-${view.groupBy}.csv"`);
      return summaryCsv(view);
    }
    return view;
  }

  @ReadRoute('reference', { operationId: 'getPlacementReference', summary: 'The sample contract’s clauses, the destinations (minimum wage, help line) and the training rules the form checks against', type: PlacementReferenceView })
  @Allow('system_admin', ...READERS)
  referenceData() {
    return this.reference.view();
  }

  @ReadRoute(':id', { operationId: 'getPlacement', summary: 'One placement (the worker’s ID number and phone masked)', type: PlacementRecordView, notFound: 'No such placement, or out of your jurisdiction' })
  @Allow(...READERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.placements.view(actor, id);
  }

  @Post(':id/return')
  @Allow('agency_user', 'bureau_admin', 'inspector')
  @HttpCode(200)
  @ApiOperation({ operationId: 'recordPlacementReturn', summary: 'Record the worker’s return: completed, ended early, abuse (asks the bureau to act and counts in the agency’s risk score) or other' })
  @ApiOkResponse({ type: PlacementRecordView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already returned, or a stale version' })
  recordReturn(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() request: RecordReturnRequest) {
    return this.returns.recordReturn(actor, id, request);
  }
}
