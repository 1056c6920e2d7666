import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint form suggests agencies as a person types a licence number or a USCC: prefix
 * searches, which the unique indexes serve only under the C collation. text_pattern_ops ones
 * serve LIKE 'prefix%' under any collation.
 */
export class AgencySuggestionIndexes1763885900001 implements MigrationInterface {
  name = 'AgencySuggestionIndexes1763885900001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX licences_number_prefix_idx ON licences (licence_number text_pattern_ops)`);
    await db.query(`CREATE INDEX agencies_uscc_prefix_idx ON agencies (uscc text_pattern_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX agencies_uscc_prefix_idx, licences_number_prefix_idx`);
  }
}
