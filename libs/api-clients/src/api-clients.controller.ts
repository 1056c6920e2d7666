import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@app/access';
import { IdParam, ProblemDetails } from '@app/core';
import { ApiClientPage, ApiClientQuery, ApiClientVersionRequest, ApiClientView, ApiClientWithSecret, CreateApiClientRequest } from './api-clients.dto';
import { ApiClientsService } from './api-clients.service';

@ApiTags('api-clients')
@Controller('admin/api-clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post()
  @Allow('system_admin')
  @ApiOperation({ operationId: 'createApiClient', summary: 'Register a machine client with scopes; its secret is in this answer only' })
  @ApiCreatedResponse({ type: ApiClientWithSecret })
  @ApiConflictResponse({ type: ProblemDetails, description: 'A client with that name exists' })
  create(@Body() request: CreateApiClientRequest): Promise<ApiClientWithSecret> {
    return this.clients.create(request);
  }

  @Get()
  @Allow('system_admin')
  @ApiOperation({ operationId: 'listApiClients', summary: 'The registered machine clients, newest first (never their secrets)' })
  @ApiOkResponse({ type: ApiClientPage })
  list(@Query() query: ApiClientQuery) {
    return this.clients.list(query);
  }

  @Post(':id/disable')
  @Allow('system_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'disableApiClient', summary: 'Disable a client: its tokens stop working at once' })
  @ApiOkResponse({ type: ApiClientView })
  disable(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientView> {
    return this.clients.disable(id, request.version);
  }

  @Post(':id/enable')
  @Allow('system_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'enableApiClient', summary: 'Enable a disabled client again' })
  @ApiOkResponse({ type: ApiClientView })
  enable(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientView> {
    return this.clients.enable(id, request.version);
  }

  @Post(':id/rotate-secret')
  @Allow('system_admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'rotateApiClientSecret', summary: 'Give a client a new secret (in this answer only); the old secret and its tokens stop working' })
  @ApiOkResponse({ type: ApiClientWithSecret })
  rotate(@IdParam() id: string, @Body() request: ApiClientVersionRequest): Promise<ApiClientWithSecret> {
    return this.clients.rotate(id, request.version);
  }
}
