/**
 * Named SQL on agencies for the libs that read an agency's fields inside their own statement (an
 * outbox INSERT ... SELECT, a job's set-based query, the public register): the column names live
 * here only. Arguments are SQL expressions (a parameter or a column of the caller's query).
 */

/** SQL: the ids of the agencies whose division code matches the LIKE pattern `patternSql` (e.g. '35%'). */
export function agencyIdsLikeSql(patternSql: string): string {
  return `SELECT sql_a.id FROM agencies sql_a WHERE sql_a.jurisdiction_code LIKE ${patternSql}`;
}

/** SQL: the Chinese name of agency `agencyIdSql` (primary key: one probe). */
export function agencyNameZhSql(agencyIdSql: string): string {
  return `(SELECT sql_a.name_zh FROM agencies sql_a WHERE sql_a.id = ${agencyIdSql})`;
}

/** SQL: the unified social credit code of agency `agencyIdSql` (primary key: one probe). */
export function agencyUsccSql(agencyIdSql: string): string {
  return `(SELECT sql_a.uscc FROM agencies sql_a WHERE sql_a.id = ${agencyIdSql})`;
}

/**
 * SQL: a derived table of the agencies' names, to join as `JOIN ${AGENCY_NAMES_SQL} x ON x.id = ...`:
 * columns id, name_zh, name_en.
 */
export const AGENCY_NAMES_SQL = `(SELECT id, name_zh, name_en FROM agencies)`;

/**
 * SQL: a derived table of the fields of agencies the public register shows (the planner inlines it,
 * so a join on id or uscc still uses their indexes): id, uscc, name_zh, name_en, jurisdiction_code,
 * agency_type, address, contact_phone, created_at, updated_at. Contacts other than the registered
 * phone, risk and internal notes are not in it.
 */
export const PUBLIC_AGENCIES_SQL = `(SELECT id, uscc, name_zh, name_en, jurisdiction_code, agency_type, address, contact_phone, created_at, updated_at FROM agencies)`;
