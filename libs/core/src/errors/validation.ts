import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './problem-details';
import { Problems } from './problem.exception';

/** Flattens nested class-validator errors into `a.b[0].c` field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    // A constraint may carry its message in Chinese as `context: { messageZh }`.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const messageZh: unknown = (error.contexts?.[constraint] as { messageZh?: unknown } | undefined)?.messageZh;
      return typeof messageZh === 'string' ? { field, message, messageZh } : { field, message };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The one validation pipe of the application: unknown fields are refused, types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => Problems.invalid(flattenValidationErrors(errors)),
  });
}
