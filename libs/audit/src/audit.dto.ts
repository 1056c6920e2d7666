import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** PostgreSQL keeps microseconds; more digits than that are refused rather than rounded silently. */
const AT_MOST_MICROSECONDS = /^[^.]*(\.\d{1,6}([^\d].*)?)?$/;
import { PageQuery } from '@app/core';

export class AuditQuery extends PageQuery {
  /** e.g. `user`, `bureau`, `licence`. */
  @IsOptional() @IsString() @MaxLength(64) entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  /** The actor's username or user id. */
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  /** ISO 8601 instant, inclusive. */
  @IsOptional() @IsDateString({ strict: true }) @Matches(AT_MOST_MICROSECONDS, { message: 'from has at most 6 fractional digits of seconds' }) from?: string;
  /** ISO 8601 instant, exclusive. */
  @IsOptional() @IsDateString({ strict: true }) @Matches(AT_MOST_MICROSECONDS, { message: 'to has at most 6 fractional digits of seconds' }) to?: string;
}

export class AuditEventView {
  @ApiProperty() seq: string;
  @ApiProperty() occurredAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() actorUsername: string;
  @ApiProperty() actorRole: string;
  @ApiProperty({ example: 'user.create' }) action: string;
  @ApiProperty({ description: 'The action in Chinese words', example: '用户 · 创建' }) actionZh: string;
  @ApiProperty({ description: 'The action in English words', example: 'User created' }) actionEn: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ description: 'The kind of record in Chinese', example: '用户' }) entityTypeZh: string;
  @ApiProperty({ description: 'The kind of record in English', example: 'user' }) entityTypeEn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) entityId: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) before: unknown;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) after: unknown;
  /** True when before/after are case data the reader's role may not read (they are null then). */
  @ApiPropertyOptional() payloadWithheld?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditVerification {
  /** True when every row's hash matches its content and links to the row before it. */
  @ApiProperty() valid: boolean;
  @ApiProperty() checkedEvents: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'seq of the first row that does not verify' })
  firstBrokenSeq: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
}
