import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowClients } from '@app/access';
import { EventPage, EventsQuery } from './events.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @AllowClients('events:read')
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'What changed in the register, in order: licences issued, suspended, reinstated, revoked, surrendered or expired; sanctions decided, varied or annulled; agencies registered or renamed',
    description: 'Poll with `after` set to the last `seq` processed. An event appears once its change has committed and every older transaction has finished, so resuming after any seq never skips or repeats one.',
  })
  @ApiOkResponse({ type: EventPage })
  async list(@Query() query: EventsQuery): Promise<EventPage> {
    const after = query.after ?? 0;
    const items = await this.events.after(after, query.limit ?? 100);
    return { items, nextAfter: items.at(-1)?.seq ?? after };
  }
}
