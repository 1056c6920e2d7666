import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from './actor';

export interface ScopeColumns {
  /** SQL expression of the record's division code, e.g. `agency.jurisdiction_code`. */
  jurisdiction?: string;
  /** SQL expression of the record's agency id, for agency users. */
  agency?: string;
  /** SQL expression of the record's bureau id, for records that belong to a bureau. */
  bureau?: string;
}

let parameterCounter = 0;

/**
 * Adds the actor's jurisdiction to a query's WHERE clause, so that what a caller may not see is
 * never loaded. National actors get no condition; bureau actors a prefix match on the division
 * code (served by the C-collated btree indexes); agency users their own agency; a caller for
 * whom the record type has no scope column sees nothing.
 */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  const parameter = `scope_${++parameterCounter % 1_000_000}`;
  if (actor.role === 'agency_user') {
    return columns.agency && actor.agencyId
      ? qb.andWhere(`${columns.agency} = :${parameter}`, { [parameter]: actor.agencyId })
      : qb.andWhere('false');
  }
  if (actor.jurisdictionPrefix === '') return qb;
  if (actor.jurisdictionPrefix && columns.jurisdiction) {
    return qb.andWhere(`${columns.jurisdiction} LIKE :${parameter}`, { [parameter]: `${actor.jurisdictionPrefix}%` });
  }
  if (actor.bureauId && columns.bureau) {
    return qb.andWhere(`${columns.bureau} = :${parameter}`, { [parameter]: actor.bureauId });
  }
  return qb.andWhere('false');
}
