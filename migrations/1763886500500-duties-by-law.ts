import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duties as the law reads them: an inspection's note meant for the agency apart from the
 * inspectors' internal notes; reserve-fund entries an agency declares stay unverified until a
 * bureau official checks the bank evidence (a verification is its own append-only row, the ledger
 * never changes); surveillance inspections planned once per entry into credit grade C.
 * Forward only on an existing database: entries recorded by officials and every draw count as
 * verified, an agency's own deposits as declared.
 */
export class DutiesByLaw1763886500500 implements MigrationInterface {
  name = 'DutiesByLaw1763886500500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE inspections ADD COLUMN note_to_agency text`);
    await db.query(`ALTER TABLE inspections DROP CONSTRAINT inspections_type_check`);
    await db.query(`ALTER TABLE inspections ADD CONSTRAINT inspections_type_check CHECK (type IN ('routine', 'complaint', 'follow_up', 'thematic', 'commitment_check', 'surveillance'))`);
    // The unassigned commitment checks a bureau admin assigns from.
    await db.query(`CREATE INDEX inspections_unassigned_idx ON inspections (jurisdiction_code, created_at, id) WHERE lead_inspector_id IS NULL AND status = 'planned'`);

    await db.query(`
      CREATE TABLE reserve_fund_verifications (
        entry_id uuid PRIMARY KEY REFERENCES reserve_fund_entries (id),
        agency_id uuid NOT NULL REFERENCES reserve_fund_accounts (agency_id),
        verified_by uuid REFERENCES users (id),
        verified_by_name text NOT NULL,
        verified_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX reserve_fund_verifications_agency_idx ON reserve_fund_verifications (agency_id)`);
    await db.query(`ALTER TABLE reserve_fund_accounts ADD COLUMN verified_balance_fen bigint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE reserve_fund_accounts ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`
      INSERT INTO reserve_fund_verifications (entry_id, agency_id, verified_by, verified_by_name, verified_at)
      SELECT e.id, e.agency_id, e.recorded_by, e.recorded_by_username, e.created_at
        FROM reserve_fund_entries e LEFT JOIN users u ON u.id = e.recorded_by
       WHERE e.kind = 'draw' OR u.role IS DISTINCT FROM 'agency_user'`);
    await db.query(`
      UPDATE reserve_fund_accounts acc SET verified_balance_fen = coalesce(s.fen, 0)
        FROM (SELECT e.agency_id, sum(CASE e.kind WHEN 'deposit' THEN e.amount_fen ELSE -e.amount_fen END) AS fen
                FROM reserve_fund_entries e JOIN reserve_fund_verifications v ON v.entry_id = e.id GROUP BY e.agency_id) s
       WHERE s.agency_id = acc.agency_id`);

    await db.query(`ALTER TABLE agency_credit_grades ADD COLUMN surveillance_inspection_id uuid REFERENCES inspections (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agency_credit_grades DROP COLUMN surveillance_inspection_id`);
    await db.query(`ALTER TABLE reserve_fund_accounts DROP COLUMN version`);
    await db.query(`ALTER TABLE reserve_fund_accounts DROP COLUMN verified_balance_fen`);
    await db.query(`DROP TABLE reserve_fund_verifications`);
    await db.query(`DROP INDEX inspections_unassigned_idx`);
    await db.query(`DELETE FROM inspections WHERE type = 'surveillance'`);
    await db.query(`ALTER TABLE inspections DROP CONSTRAINT inspections_type_check`);
    await db.query(`ALTER TABLE inspections ADD CONSTRAINT inspections_type_check CHECK (type IN ('routine', 'complaint', 'follow_up', 'thematic', 'commitment_check'))`);
    await db.query(`ALTER TABLE inspections DROP COLUMN note_to_agency`);
  }
}
