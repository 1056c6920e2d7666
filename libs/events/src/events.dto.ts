import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { namedEnum } from '@app/core';
import { EVENT_TYPES, EventType } from './event-types';

export class EventsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'The last seq already processed: the answer starts after it', example: 1200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

export class EventSubjectView {
  @ApiProperty({ example: '91350100M000100Y43' }) agencyUscc: string;
  @ApiPropertyOptional({ example: '350100-2026-000017' }) licenceNumber?: string;
  @ApiPropertyOptional({ example: '闽人社罚〔2026〕3号' }) caseNumber?: string;
}

export class EventView {
  /** Strictly increasing: keep the last one processed and ask for the events after it. */
  @ApiProperty({ type: 'integer', example: 1201 }) seq: number;
  @ApiProperty(namedEnum('EventType', EVENT_TYPES)) type: EventType;
  occurredAt: Date;
  @ApiProperty({ type: EventSubjectView }) subject: EventSubjectView;
  /** The subject's public fields as they stand after the change (status, dates, sanction...). */
  @ApiProperty({ type: 'object', additionalProperties: true, example: { status: 'suspended', suspendedUntil: '2026-04-01' } }) data: Record<string, unknown>;
}

export class EventPage {
  @ApiProperty({ type: [EventView] }) items: EventView[];
  /** What to send as `after` next: the last item's seq, or `after` itself when there is nothing new. */
  @ApiProperty({ type: 'integer' }) nextAfter: number;
}
