import { Param, ParseUUIDPipe } from '@nestjs/common';
import { Problems } from '../errors/problem.exception';

/** A UUID path parameter; anything else is a field-level 400. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => Problems.invalid([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
}
