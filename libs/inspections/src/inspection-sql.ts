/** SQL: agency `agencyIdSql` had an inspection submitted (or since closed) at or after `sinceSql` (served by the inspections' agency index). */
export function inspectedSinceSql(agencyIdSql: string, sinceSql: string): string {
  return `EXISTS (SELECT 1 FROM inspections sql_i WHERE sql_i.agency_id = ${agencyIdSql} AND sql_i.status IN ('submitted', 'closed') AND sql_i.submitted_at >= ${sinceSql})`;
}
