import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { API_CLIENT_SCOPES, ApiClientScope } from '@app/access';
import { namedEnum, PageQuery } from '@app/core';

export const API_CLIENT_STATUSES = ['active', 'disabled'] as const;
export type ApiClientStatus = (typeof API_CLIENT_STATUSES)[number];

export class CreateApiClientRequest {
  /** Who the client is, as the audit trail names it: lower-case letters, digits and dashes. */
  @ApiProperty({ example: 'fujian-gov-service-platform' })
  @IsString()
  @Length(3, 60)
  @Matches(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, { message: 'name must be lower-case letters, digits and dashes, such as fujian-gov-platform' })
  name: string;

  @ApiProperty({ ...namedEnum('ApiClientScope', API_CLIENT_SCOPES), isArray: true, example: ['events:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_CLIENT_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_CLIENT_SCOPES, { each: true })
  scopes: ApiClientScope[];

  /** What the client is for and who to call about it. */
  @IsOptional() @IsString() @Length(0, 500) description?: string;

  /** Its own requests a minute, from whatever addresses; without it, RATE_LIMIT_CLIENT_PER_MINUTE. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, example: 600 })
  @IsOptional() @IsInt() @Min(1) @Max(100_000) rateLimitPerMinute?: number;
}

export class ApiClientVersionRequest {
  /** The version read: a stale one is a 409. */
  @IsInt() @Min(1) version: number;
}

export class ApiClientQuery extends PageQuery {
  @ApiPropertyOptional(namedEnum('ApiClientStatus', API_CLIENT_STATUSES)) @IsOptional() @IsIn(API_CLIENT_STATUSES) status?: ApiClientStatus;
}

export class ApiClientView {
  /** The OAuth 2.0 `client_id`. */
  id: string;
  name: string;
  description: string;
  @ApiProperty({ ...namedEnum('ApiClientScope', API_CLIENT_SCOPES), isArray: true }) scopes: ApiClientScope[];
  @ApiProperty(namedEnum('ApiClientStatus', API_CLIENT_STATUSES)) status: ApiClientStatus;
  /** Its own requests a minute; null: the default (RATE_LIMIT_CLIENT_PER_MINUTE). */
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) rateLimitPerMinute: number | null;
  /** Rotations so far (1: the first secret). */
  secretGeneration: number;
  createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) lastTokenAt: Date | null;
  version: number;
}

/** A client with its secret: shown this once, stored only as a hash. */
export class ApiClientWithSecret extends ApiClientView {
  /** The OAuth 2.0 `client_secret`. It is never shown again: a lost secret is rotated. */
  clientSecret: string;
}

export class ApiClientPage {
  @ApiProperty({ type: [ApiClientView] }) items: ApiClientView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

/** RFC 6749 §5.1. */
export class ClientCredentialsToken {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' }) access_token: string;
  @ApiProperty({ ...namedEnum('OAuthTokenType', ['Bearer']), example: 'Bearer' }) token_type: 'Bearer';
  @ApiProperty({ example: 3600, description: 'Seconds until the token expires' }) expires_in: number;
  @ApiProperty({ example: 'events:read', description: 'The granted scopes, space-separated' }) scope: string;
}

/** RFC 6749 §5.2. */
export class OAuthError {
  @ApiProperty(namedEnum('OAuthErrorCode', ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'invalid_scope'])) error: string;
  @ApiPropertyOptional() error_description?: string;
}

/** `application/x-www-form-urlencoded`, RFC 6749 §4.4.2 (or the client in HTTP Basic, §2.3.1). */
export class ClientCredentialsRequest {
  @ApiProperty(namedEnum('OAuthGrantType', ['client_credentials'])) grant_type: string;
  @ApiPropertyOptional({ description: 'Unless sent in an Authorization: Basic header' }) client_id?: string;
  @ApiPropertyOptional({ description: 'Unless sent in an Authorization: Basic header' }) client_secret?: string;
  @ApiPropertyOptional({ description: 'Space-separated; at most the scopes the client was granted (default: all of them)' }) scope?: string;
}
