/**
 * Named SQL on bureaus for the libs that choose people or records by bureau in their own
 * statement (user scopes, recipients, assignment pickers): the column names and the rule of which
 * bureau covers which division live here only. Arguments are SQL expressions (a parameter or a
 * column of the caller's query); each answer is a subquery to place in the caller's statement.
 */

/** SQL: the ids of the bureaus whose division code matches the LIKE pattern `patternSql` (e.g. '35%'). */
export function bureauIdsLikeSql(patternSql: string): string {
  return `SELECT sql_b.id FROM bureaus sql_b WHERE sql_b.jurisdiction_code LIKE ${patternSql}`;
}

/** SQL: the ids of the city and province bureaus whose division contains division `jurisdictionCodeSql`. */
export function coveringBureauIdsSql(jurisdictionCodeSql: string): string {
  return `SELECT sql_b.id FROM bureaus sql_b
           WHERE sql_b.jurisdiction_code IN (left(${jurisdictionCodeSql}, 2) || '0000', left(${jurisdictionCodeSql}, 4) || '00')`;
}

/** SQL: the ids of the province bureau(s) above division `jurisdictionCodeSql`. */
export function provinceBureauIdsSql(jurisdictionCodeSql: string): string {
  return `SELECT sql_b.id FROM bureaus sql_b WHERE sql_b.jurisdiction_code = left(${jurisdictionCodeSql}, 2) || '0000'`;
}

/**
 * SQL: rows (id, name, jurisdiction_code) of the province and city bureaus within `reachPrefixSql`
 * ('' national, '35' Fujian) whose division contains division `codeSql`; join it as a derived table.
 */
export function bureausCoveringSql(reachPrefixSql: string, codeSql: string): string {
  return `SELECT sql_b.id, sql_b.name, sql_b.jurisdiction_code FROM bureaus sql_b
           WHERE sql_b.level IN ('province', 'city')
             AND sql_b.jurisdiction_code LIKE ${reachPrefixSql} || '%'
             AND ${codeSql}::text LIKE left(sql_b.jurisdiction_code, CASE sql_b.level WHEN 'province' THEN 2 ELSE 4 END) || '%'`;
}

/** SQL: a derived table of the bureaus' names, to join as `JOIN ${BUREAU_NAMES_SQL} x ON x.id = ...`: columns id, name, name_en. */
export const BUREAU_NAMES_SQL = `(SELECT id, name, name_en FROM bureaus)`;
