import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListRoute, ReadRoute } from '@app/core';
import { Actor, Allow, CurrentActor } from '@app/access';
import { AuditEventView, AuditQuery, AuditVerification } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ListRoute(undefined, { operationId: 'listAuditEvents', summary: 'The audit trail, newest first, with filters', item: AuditEventView })
  @Allow('ministry_official', 'system_admin')
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery) {
    return this.audit.list(actor, query);
  }

  @ReadRoute('verify', { operationId: 'verifyAuditChain', summary: 'Verify the hash chain; names the first row that was altered or removed', type: AuditVerification })
  @Allow('ministry_official', 'system_admin')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
