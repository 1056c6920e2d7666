import { HttpException, HttpStatus } from '@nestjs/common';
import { FieldProblem, problemType } from './problem-details';

/**
 * An HttpException that carries RFC 9457 fields. Domain code throws these (through the helpers
 * below) so that the answer names the problem precisely, e.g. the current status on a 409.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }

  get type(): string {
    return problemType(this.slug);
  }
}

export const Problems = {
  notFound: (entity: string, id?: string) =>
    new ProblemException(HttpStatus.NOT_FOUND, 'not-found', id ? `${entity} ${id} was not found` : `${entity} was not found`),
  conflict: (slug: string, detail: string, extensions?: Record<string, unknown>) =>
    new ProblemException(HttpStatus.CONFLICT, slug, detail, extensions),
  staleVersion: (entity: string, currentVersion?: number) =>
    new ProblemException(
      HttpStatus.CONFLICT,
      'stale-version',
      `${entity} was changed by someone else; reload it and try again`,
      currentVersion === undefined ? {} : { currentVersion },
    ),
  illegalTransition: (entity: string, from: string, to: string) =>
    new ProblemException(
      HttpStatus.CONFLICT,
      'illegal-transition',
      `${entity} is ${from}; it cannot become ${to}`,
      { currentStatus: from },
    ),
  invalid: (errors: FieldProblem[], detail = 'The request has invalid fields') =>
    new ProblemException(HttpStatus.BAD_REQUEST, 'validation', detail, { errors }),
  forbidden: (detail: string, slug = 'forbidden') => new ProblemException(HttpStatus.FORBIDDEN, slug, detail),
  unauthorized: (detail: string, slug = 'unauthorized') => new ProblemException(HttpStatus.UNAUTHORIZED, slug, detail),
};
