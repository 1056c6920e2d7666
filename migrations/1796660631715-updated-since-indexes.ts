import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `?updatedSince=` of the public register and the sanctions list: other systems sync from them,
 * so each reads only what changed since its previous sync (one range scan per table).
 */
export class UpdatedSinceIndexes1796660631715 implements MigrationInterface {
  name = 'UpdatedSinceIndexes1796660631715';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX agencies_updated_at_idx ON agencies (updated_at)`);
    await db.query(`CREATE INDEX licences_updated_at_idx ON licences (updated_at)`);
    await db.query(`CREATE INDEX agency_credit_grades_grade_since_idx ON agency_credit_grades (grade_since)`);
    await db.query(`CREATE INDEX enforcement_cases_published_updated_idx ON enforcement_cases (updated_at) WHERE decided_sanction IN ('fine', 'suspension', 'revocation')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX enforcement_cases_published_updated_idx`);
    await db.query(`DROP INDEX agency_credit_grades_grade_since_idx`);
    await db.query(`DROP INDEX licences_updated_at_idx`);
    await db.query(`DROP INDEX agencies_updated_at_idx`);
  }
}
