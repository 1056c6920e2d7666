/**
 * Named SQL on licences for other libs' set-based statements (jobs, the public sanctions list):
 * the table and its column names live here only. Arguments are SQL expressions (a parameter or a
 * column of the caller's query); each fragment is served by licences_agency_idx or the primary key.
 */

const IN_FORCE = `('active', 'suspended')`;

/** SQL: the number of licence `licenceIdSql` (primary key: one probe). */
export function licenceNumberOfSql(licenceIdSql: string): string {
  return `(SELECT sql_l.licence_number FROM licences sql_l WHERE sql_l.id = ${licenceIdSql})`;
}

/** SQL: agency `agencyIdSql` holds (or held) a licence numbered `numberSql`, whatever its status. */
export function holdsLicenceNumberSql(agencyIdSql: string, numberSql: string): string {
  return `EXISTS (SELECT 1 FROM licences sql_l WHERE sql_l.agency_id = ${agencyIdSql} AND sql_l.licence_number = ${numberSql})`;
}

/** SQL: agency `agencyIdSql` holds a labour service cooperation licence in force (active or suspended). */
export function holdsLabourServiceLicenceSql(agencyIdSql: string): string {
  return `EXISTS (SELECT 1 FROM licences sql_l WHERE sql_l.agency_id = ${agencyIdSql} AND sql_l.licence_type = 'labour_service_cooperation' AND sql_l.status IN ${IN_FORCE})`;
}

/**
 * SQL: the reserve fund, in fen, that agency `agencyIdSql`'s newest labour service cooperation
 * licence in force names (its amount is in yuan); NULL when none names one.
 */
export function licensedReserveFundFenSql(agencyIdSql: string): string {
  return `(SELECT round(sql_l.reserve_fund_amount * 100)::bigint FROM licences sql_l
    WHERE sql_l.agency_id = ${agencyIdSql} AND sql_l.licence_type = 'labour_service_cooperation' AND sql_l.status IN ${IN_FORCE} AND sql_l.reserve_fund_amount > 0
    ORDER BY sql_l.created_at DESC LIMIT 1)`;
}

/** SQL (a subquery's text, no parentheses): the bureau that issued agency `agencyIdSql`'s newest labour service cooperation licence in force. */
export function labourServiceLicenceBureauSql(agencyIdSql: string): string {
  return `SELECT sql_l.issued_by_bureau_id FROM licences sql_l
    WHERE sql_l.agency_id = ${agencyIdSql} AND sql_l.licence_type = 'labour_service_cooperation' AND sql_l.status IN ${IN_FORCE}
    ORDER BY sql_l.created_at DESC LIMIT 1`;
}

/**
 * SQL (a subquery's text, no parentheses, for `CROSS JOIN LATERAL (...) x`): one row with column
 * `valid_from`, the start of agency `agencyIdSql`'s licence in force, its labour service
 * cooperation licence first, else its latest; no row when it holds none in force.
 */
export function licenceInForceValidFromSql(agencyIdSql: string): string {
  return `SELECT sql_l.valid_from FROM licences sql_l WHERE sql_l.agency_id = ${agencyIdSql} AND sql_l.status IN ${IN_FORCE}
    ORDER BY (sql_l.licence_type = 'labour_service_cooperation') DESC, sql_l.valid_from DESC LIMIT 1`;
}
