import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow, CurrentActor } from '@app/access';
import { Overview } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('overview')
  @Allow('ministry_official', 'bureau_admin', 'inspector')
  @ApiOperation({ operationId: 'getReportsOverview', summary: 'Licences by status and province, inspection coverage, self-assessment submission, open complaints and SLA breaches, in your jurisdiction' })
  @ApiOkResponse({ type: Overview })
  overview(@CurrentActor() actor: Actor) {
    return this.reports.overview(actor);
  }
}
