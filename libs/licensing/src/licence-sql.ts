import { combineJoins, joinColumns, selectArray, ViewJoins } from '@app/core';

/**
 * Named SQL on licences for the libs that list them beside their own records: the column names
 * live here only. `idsSql` is a SQL expression giving the licence ids, either a subquery
 * (`SELECT cl.licence_id FROM ...`) or a uuid[] column; ordered by licence number, '{}' when none.
 */
function idsCondition(idsSql: string): string {
  return /^\s*SELECT\b/i.test(idsSql) ? `view_l.id IN (${idsSql})` : `view_l.id = ANY(${idsSql})`;
}

/** A licence's number beside the licence id in `licenceIdColumn` (primary key: one probe per row), under `key`; `V` is string for a NOT NULL column. */
export function licenceNumber<K extends string, V extends string | null = string | null>(licenceIdColumn: string, alias: string, key: K): ViewJoins<Record<K, V>> {
  return joinColumns<K, V>('licences', alias, `${alias}.id = ${licenceIdColumn}`, { [key]: 'licence_number' } as Record<K, string>);
}

/** SQL: the numbers of the licences `idsSql` names, as text[] ordered by number. */
export function licenceNumbersSql(idsSql: string): string {
  return `SELECT coalesce(array_agg(view_l.licence_number ORDER BY view_l.licence_number), '{}') FROM licences view_l WHERE ${idsCondition(idsSql)}`;
}

/** The ids and numbers of the licences `idsSql` names, both ordered by number, under `licenceIds` and `licenceNumbers` (one index probe per licence). */
export function licenceIdsAndNumbers(idsSql: string): ViewJoins<{ licenceIds: string[]; licenceNumbers: string[] }> {
  return combineJoins(
    selectArray('licenceIds', `SELECT coalesce(array_agg(view_l.id::text ORDER BY view_l.licence_number), '{}') FROM licences view_l WHERE ${idsCondition(idsSql)}`),
    selectArray('licenceNumbers', licenceNumbersSql(idsSql)),
  );
}

/**
 * SQL: the agency `agencyIdSql` holds a licence in force (active or suspended), valid from
 * `validFromOnOrBefore` or earlier when given (served by licences_agency_idx).
 */
export function holdsLicenceInForceSql(agencyIdSql: string, validFromOnOrBefore?: string): string {
  const since = validFromOnOrBefore ? ` AND l.valid_from <= ${validFromOnOrBefore}` : '';
  return `EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = ${agencyIdSql} AND l.status IN ('active', 'suspended')${since})`;
}
