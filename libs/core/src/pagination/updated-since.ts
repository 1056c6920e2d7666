import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { isISO8601, IsOptional, ValidateBy } from 'class-validator';

/** An RFC 3339 date-time with its offset: a day alone would be read in some unstated time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `?updatedSince=` of a public list that other systems sync from: only the records changed at or
 * after that instant. A client keeps the time it started its previous sync and sends it back.
 */
export function UpdatedSince(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date-time',
      example: '2026-06-15T00:00:00+08:00',
      description: 'Only records changed at or after this instant (RFC 3339 date-time with offset): an incremental sync sends the time its previous sync started',
    }),
    IsOptional(),
    // One check, so a bad value gets one message: the form, then a real calendar date.
    ValidateBy({
      name: 'isDateTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && DATE_TIME.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: () => 'updatedSince must be a date-time with an offset, such as 2026-06-15T00:00:00Z',
      },
    }),
  );
}
