import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem.exception';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * Maps the PostgreSQL errors a caller can cause or wait out to problems; anything else
 * stays a fault (500). Constraint names are part of the message on purpose: they say
 * which rule was broken without echoing the data.
 */
export function problemFromDatabaseError(error: unknown): ProblemException | undefined {
  const pg = ((error as { driverError?: PgError }).driverError ?? error) as PgError;
  const message = error instanceof Error ? error.message : '';
  switch (pg.code) {
    case '23505':
      return new ProblemException(HttpStatus.CONFLICT, 'duplicate', `A record with the same unique value already exists (${pg.constraint ?? 'unique'})`);
    case '23503':
      return new ProblemException(HttpStatus.CONFLICT, 'reference', `The record refers to, or is referred to by, another record (${pg.constraint ?? 'foreign key'})`);
    case '40001':
    case '40P01':
      return new ProblemException(HttpStatus.CONFLICT, 'concurrent-update', 'The record was changed concurrently; try again');
    case '57014':
      return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'timeout', 'The database took too long to answer');
  }
  if ((pg.code && UNAVAILABLE_CODES.has(pg.code)) || CONNECTION_ERRORS.has(pg.code ?? '') ||
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)) {
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'database-unavailable', 'The database is unavailable; try again shortly');
  }
  return undefined;
}
