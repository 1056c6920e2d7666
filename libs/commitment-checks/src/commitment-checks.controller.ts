import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { PageOf } from '@app/core';
import { CommitmentCheckQuery, CommitmentCheckView } from './commitment-checks.dto';
import { CommitmentChecksService } from './commitment-checks.service';

@ApiTags('commitment-checks')
@Controller('commitment-checks')
export class CommitmentChecksController {
  constructor(private readonly checks: CommitmentChecksService) {}

  @Get()
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  @ApiOperation({ operationId: 'listCommitmentChecks', summary: 'On-site checks of commitment-based licences in your jurisdiction; state=overdue or failed for the bureau’s queue' })
  @ApiOkResponse({ type: PageOf(CommitmentCheckView) })
  list(@CurrentActor() actor: Actor, @Query() query: CommitmentCheckQuery) {
    return this.checks.list(actor, query);
  }
}
