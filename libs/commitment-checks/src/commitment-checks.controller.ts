import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { ListRoute } from '@app/core';
import { CommitmentCheckQuery, CommitmentCheckView } from './commitment-checks.dto';
import { CommitmentChecksService } from './commitment-checks.service';

@ApiTags('commitment-checks')
@Controller('commitment-checks')
export class CommitmentChecksController {
  constructor(private readonly checks: CommitmentChecksService) {}

  @ListRoute(undefined, { operationId: 'listCommitmentChecks', summary: 'On-site checks of commitment-based licences in your jurisdiction; state=overdue or failed for the bureau’s queue', item: CommitmentCheckView })
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  list(@CurrentActor() actor: Actor, @Query() query: CommitmentCheckQuery) {
    return this.checks.list(actor, query);
  }
}
