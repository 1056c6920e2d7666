import { PublicCreditSql } from '@app/licensing';

/** SQL condition on a case alias: a sanction the public list shows (decided fine, suspension or revocation, not annulled on appeal). */
export function publishedSanctionSql(caseAlias: string): string {
  return `${caseAlias}.decided_sanction IN ('fine', 'suspension', 'revocation') AND ${caseAlias}.appeal_outcome IS DISTINCT FROM 'annulled'`;
}

/** What the public register (licensing) shows of enforcement; registered with it at init. */
export const PUBLIC_CREDIT_SQL: PublicCreditSql = {
  grades: `(SELECT agency_id, grade, points, reasons, grade_since FROM agency_credit_grades)`,
  hasSanctions: (agencyIdSql) => `EXISTS (SELECT 1 FROM enforcement_cases sql_c WHERE sql_c.agency_id = ${agencyIdSql} AND ${publishedSanctionSql('sql_c')})`,
};
