import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts read in SQL rather than in browsers: the bureau's cases by state (its jurisdiction prefix,
 * then the state, read from the index alone) and the overview's published sanctions in a period
 * (effective date, then jurisdiction, over the public list's rows only).
 */
export class CaseCountIndexes1763886400200 implements MigrationInterface {
  name = 'CaseCountIndexes1763886400200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX enforcement_cases_jurisdiction_status_idx ON enforcement_cases (jurisdiction_code, status)`);
    await db.query(`
      CREATE INDEX enforcement_cases_public_effective_idx ON enforcement_cases (effective_on, jurisdiction_code) INCLUDE (decided_sanction)
       WHERE decided_sanction IN ('fine', 'suspension', 'revocation') AND appeal_outcome IS DISTINCT FROM 'annulled'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX enforcement_cases_public_effective_idx, enforcement_cases_jurisdiction_status_idx`);
  }
}
