import { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({
  property,
  constraints,
  children,
});

describe('flattenValidationErrors', () => {
  it('names nested fields with dots and array indexes', () => {
    const errors = [
      error('name', { isString: 'name must be a string' }),
      error('scope', undefined, [error('countries', undefined, [error('0', { isIso: 'each value must be an ISO code' })])]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'scope.countries[0]', message: 'each value must be an ISO code' },
    ]);
  });
});
