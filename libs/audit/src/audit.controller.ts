import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { AuditEventView, AuditQuery, AuditVerification } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('ministry_official', 'system_admin')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'The audit trail, newest first, with filters' })
  @ApiOkResponse({ type: PageOf(AuditEventView) })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery) {
    return this.audit.list(actor, query);
  }

  @Get('verify')
  @Allow('ministry_official', 'system_admin')
  @ApiOperation({ operationId: 'verifyAuditChain', summary: 'Verify the hash chain; names the first row that was altered or removed' })
  @ApiOkResponse({ type: AuditVerification })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
