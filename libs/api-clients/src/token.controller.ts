import { Body, Controller, Header, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiExtraModels, ApiTags, ApiUnauthorizedResponse, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/access';
import { AcceptsFormBody } from '@app/auth';
import { RateLimit, StepRoute } from '@app/core';
import { ClientCredentialsRequest, ClientCredentialsToken, OAuthError } from './api-clients.dto';
import { ApiClientsService, TokenRefused } from './api-clients.service';

/** The client in an `Authorization: Basic` header (RFC 6749 §2.3.1: both parts form-urlencoded). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,2048})$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

const field = (body: Record<string, unknown>, name: string): string | undefined => (typeof body[name] === 'string' ? (body[name] as string) : undefined);

@ApiTags('api-clients')
@ApiExtraModels(ClientCredentialsRequest)
@Controller('auth')
export class TokenController {
  constructor(private readonly clients: ApiClientsService) {}

  // Answers in RFC 6749's own JSON (not problem+json): OAuth client libraries read `error`.
  @StepRoute('token', { operationId: 'issueClientToken', summary: 'OAuth 2.0 client credentials (RFC 6749 §4.4): a registered client exchanges its id and secret for an access token', type: ClientCredentialsToken })
  @Public()
  @AcceptsFormBody()
  @RateLimit('login')
  @Header('cache-control', 'no-store')
  @Header('pragma', 'no-cache')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { $ref: getSchemaPath(ClientCredentialsRequest) }, examples: { form: { value: { grant_type: 'client_credentials', client_id: '0b1e…', client_secret: 'ars_…' } } } })
  @ApiBadRequestResponse({ type: OAuthError, description: '`invalid_request`, `unsupported_grant_type` or `invalid_scope`' })
  @ApiUnauthorizedResponse({ type: OAuthError, description: '`invalid_client`: unknown client, wrong secret or disabled' })
  async token(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ClientCredentialsToken | OAuthError> {
    const form = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const refuse = (status: number, error: string, description: string): OAuthError => {
      void reply.status(status);
      if (status === 401) void reply.header('www-authenticate', 'Basic realm="agency-registry"');
      return { error, error_description: description };
    };
    const grantType = field(form, 'grant_type');
    if (grantType === undefined) return refuse(400, 'invalid_request', 'grant_type is required (application/x-www-form-urlencoded)');
    if (grantType !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
    const basic = basicCredentials(request.headers.authorization);
    const id = basic?.id ?? field(form, 'client_id');
    const secret = basic?.secret ?? field(form, 'client_secret');
    if (!id || !secret) return refuse(401, 'invalid_client', 'client_id and client_secret are required');
    try {
      return await this.clients.issueToken(id, secret, field(form, 'scope'));
    } catch (error) {
      if (error instanceof TokenRefused) return refuse(error.error === 'invalid_client' ? 401 : 400, error.error, error.description);
      throw error;
    }
  }
}
