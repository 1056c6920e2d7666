/**
 * Named SQL on inspections for other libs' set-based statements (the commitment-checks job,
 * self-assessment discrepancies): the tables and their column names live here only.
 */

/**
 * SQL: a derived table of the inspection fields other libs read: id, agency_id, status, outcome,
 * inspection_date, bureau_id, jurisdiction_code, lead_inspector_id. Used as `JOIN
 * ${INSPECTION_ROWS_SQL} i ON i.id = ...` (or in an UPDATE's FROM); PostgreSQL pulls the plain
 * subquery up into the caller's plan, so the join keeps its index probes.
 */
export const INSPECTION_ROWS_SQL = `(SELECT id, agency_id, status, outcome, inspection_date, bureau_id, jurisdiction_code, lead_inspector_id FROM inspections)`;

/** SQL: inspection `alias` (a row of INSPECTION_ROWS_SQL) is concluded: submitted, or closed since. */
export function inspectionConcludedSql(alias: string): string {
  return `(${alias}.status IN ('submitted', 'closed'))`;
}

/**
 * SQL (a subquery's text, no parentheses): the non-compliant findings of agency `agencyIdSql`'s
 * concluded inspections dated between `fromSql` and `toSql`, as rows (item_code, inspection_id,
 * inspection_date); served by the inspections' agency index and the partial index on
 * non-compliant findings.
 */
export function nonCompliantFindingsSql(agencyIdSql: string, fromSql: string, toSql: string): string {
  return `SELECT sql_f.item_code, sql_i.id AS inspection_id, sql_i.inspection_date
    FROM inspections sql_i
    JOIN inspection_findings sql_f ON sql_f.inspection_id = sql_i.id AND sql_f.result = 'non_compliant'
   WHERE sql_i.agency_id = ${agencyIdSql} AND ${inspectionConcludedSql('sql_i')}
     AND sql_i.inspection_date BETWEEN ${fromSql} AND ${toSql}`;
}
