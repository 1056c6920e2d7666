import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow } from '@app/access';
import { CreateRoute, IdParam, ReadRoute, StepRoute } from '@app/core';
import { ApiClientPage, ApiClientQuery, ApiClientVersionRequest, ApiClientView, ApiClientWithSecret, CreateApiClientRequest } from './api-clients.dto';
import { ApiClientsService } from './api-clients.service';

@ApiTags('api-clients')
@Controller('admin/api-clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @CreateRoute(undefined, { operationId: 'createApiClient', summary: 'Register a machine client with scopes; its secret is in this answer only', type: ApiClientWithSecret, conflict: 'A client with that name exists' })
  @Allow('system_admin')
  create(@Body() request: CreateApiClientRequest): Promise<ApiClientWithSecret> {
    return this.clients.create(request);
  }

  @ReadRoute(undefined, { operationId: 'listApiClients', summary: 'The registered machine clients, newest first (never their secrets)', type: ApiClientPage })
  @Allow('system_admin')
  list(@Query() query: ApiClientQuery) {
    return this.clients.list(query);
  }

  @StepRoute(':id/disable', { operationId: 'disableApiClient', summary: 'Disable a client: its tokens stop working at once', type: ApiClientView })
  @Allow('system_admin')
  disable(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientView> {
    return this.clients.disable(id, request.version);
  }

  @StepRoute(':id/enable', { operationId: 'enableApiClient', summary: 'Enable a disabled client again', type: ApiClientView })
  @Allow('system_admin')
  enable(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientView> {
    return this.clients.enable(id, request.version);
  }

  @StepRoute(':id/rotate-secret', { operationId: 'rotateApiClientSecret', summary: 'Give a client a new secret (in this answer only); the old secret and its tokens stop working', type: ApiClientWithSecret })
  @Allow('system_admin')
  rotate(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientWithSecret> {
    return this.clients.rotate(id, request.version);
  }
}
