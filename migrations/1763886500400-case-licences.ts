import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case names the licences it concerns (a table, so each one is a real licence of the register):
 * a decision suspends or revokes only those. Cases that named one licence keep it; cases that named
 * none meant "every licence the sanction can reach", so they name the licences then in force
 * (decided cases: the ones the decision reached).
 */
export class CaseLicences1763886500400 implements MigrationInterface {
  name = 'CaseLicences1763886500400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS case_licences (
        case_id uuid NOT NULL REFERENCES enforcement_cases (id),
        licence_id uuid NOT NULL REFERENCES licences (id),
        PRIMARY KEY (case_id, licence_id)
      )`);
    // The primary key serves "licences of a case"; this one "cases of a licence".
    await db.query(`CREATE INDEX IF NOT EXISTS case_licences_licence_idx ON case_licences (licence_id, case_id)`);
    const [column] = (await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'enforcement_cases' AND column_name = 'licence_id'`)) as unknown[];
    if (!column) return;
    await db.query(`
      INSERT INTO case_licences (case_id, licence_id)
      SELECT c.id, l.id
        FROM enforcement_cases c
        JOIN licences l ON l.id = c.licence_id
                        OR (c.licence_id IS NULL AND cardinality(c.sanctioned_licence_ids) > 0 AND l.id = ANY (c.sanctioned_licence_ids))
                        OR (c.licence_id IS NULL AND cardinality(c.sanctioned_licence_ids) = 0 AND c.decided_at IS NULL
                            AND l.agency_id = c.agency_id AND l.status IN ('active', 'suspended'))
      ON CONFLICT DO NOTHING`);
    await db.query(`DROP INDEX IF EXISTS enforcement_cases_licence_idx`);
    await db.query(`ALTER TABLE enforcement_cases DROP COLUMN licence_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE enforcement_cases ADD COLUMN licence_id uuid REFERENCES licences (id)`);
    await db.query(`UPDATE enforcement_cases c SET licence_id = (SELECT min(licence_id::text)::uuid FROM case_licences cl WHERE cl.case_id = c.id)`);
    await db.query(`CREATE INDEX enforcement_cases_licence_idx ON enforcement_cases (licence_id) WHERE licence_id IS NOT NULL`);
    await db.query(`DROP TABLE case_licences`);
  }
}
