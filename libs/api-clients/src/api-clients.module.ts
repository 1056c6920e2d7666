import { Global, Module } from '@nestjs/common';
import { AccessModule, ClientLiveness } from '@app/access';
import { AuditModule } from '@app/audit';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { TokenController } from './token.controller';

/**
 * Machine clients and their OAuth 2.0 client-credentials tokens. Global only to hand the access
 * guard (in @app/access, below every domain) the check whether a client may still act.
 */
@Global()
@Module({
  imports: [AccessModule, AuditModule],
  controllers: [ApiClientsController, TokenController],
  providers: [ApiClientsService, { provide: ClientLiveness, useExisting: ApiClientsService }],
  exports: [ApiClientsService, ClientLiveness],
})
export class ApiClientsModule {}
