import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies' yearly duties: annual reports (one per agency and year), the reserve-fund ledger of
 * labour service cooperation agencies (append-only, with the top-up deadlines a shortfall starts),
 * and commitment-based licensing (the signed commitment on the application, and the on-site
 * verification its approval plans). Money is in integer fen.
 */
export class YearlyDuties1763886300000 implements MigrationInterface {
  name = 'YearlyDuties1763886300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE annual_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned', 'resubmitted')),
        workers_placed_domestic integer CHECK (workers_placed_domestic >= 0),
        workers_placed_abroad integer CHECK (workers_placed_abroad >= 0),
        -- [{ "country": "SG", "workers": 12 }]: ISO 3166-1 alpha-2, each once, summing to workers_placed_abroad.
        placements_abroad jsonb NOT NULL DEFAULT '[]',
        employers_served integer CHECK (employers_served >= 0),
        fees_from_employers_fen bigint CHECK (fees_from_employers_fen >= 0),
        fees_charged_to_workers_fen bigint CHECK (fees_charged_to_workers_fen >= 0),
        fees_charged_to_workers_abroad_fen bigint CHECK (fees_charged_to_workers_abroad_fen >= 0),
        complaints_received integer CHECK (complaints_received >= 0),
        staff_count integer CHECK (staff_count >= 0),
        reserve_fund_balance_fen bigint CHECK (reserve_fund_balance_fen >= 0),
        -- ILO C181 Art. 7: any fee charged to a worker placed abroad is flagged for the bureau.
        fee_flag boolean GENERATED ALWAYS AS (COALESCE(fees_charged_to_workers_abroad_fen, 0) > 0) STORED,
        submitted_at timestamptz(3),
        first_submitted_at timestamptz(3),
        review_note text,
        reviewed_by uuid REFERENCES users (id),
        reviewed_at timestamptz(3),
        -- Set once by the annual-report-deadlines job from 1 April while not filed; kept after a late filing.
        overdue_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (fees_charged_to_workers_abroad_fen IS NULL OR fees_charged_to_workers_fen IS NULL OR fees_charged_to_workers_abroad_fen <= fees_charged_to_workers_fen)
      )`);
    await db.query(`CREATE UNIQUE INDEX annual_reports_agency_year_key ON annual_reports (agency_id, year)`);
    await db.query(`CREATE INDEX annual_reports_jurisdiction_idx ON annual_reports (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX annual_reports_created_at_idx ON annual_reports (created_at, id)`);
    await db.query(`CREATE INDEX annual_reports_year_status_idx ON annual_reports (year, status, jurisdiction_code)`);
    await db.query(`CREATE INDEX annual_reports_fee_flag_idx ON annual_reports (year) WHERE fee_flag`);
    await db.query(`CREATE INDEX annual_reports_overdue_idx ON annual_reports (year) WHERE overdue_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE reserve_fund_accounts (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        -- Kept by the same statement that appends an entry: the row lock orders concurrent entries.
        balance_fen bigint NOT NULL DEFAULT 0 CHECK (balance_fen >= 0),
        entry_count integer NOT NULL DEFAULT 0,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX reserve_fund_accounts_jurisdiction_idx ON reserve_fund_accounts (jurisdiction_code)`);
    await db.query(`
      CREATE TABLE reserve_fund_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES reserve_fund_accounts (agency_id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        kind text NOT NULL CHECK (kind IN ('deposit', 'draw')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        balance_after_fen bigint NOT NULL CHECK (balance_after_fen >= 0),
        occurred_on date NOT NULL,
        evidence text NOT NULL,
        reason text NOT NULL,
        -- Complaints are another module's: a plain reference, checked through its service.
        complaint_id uuid,
        corrects_entry_id uuid REFERENCES reserve_fund_entries (id),
        recorded_by uuid REFERENCES users (id),
        recorded_by_username text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (kind = 'draw' OR complaint_id IS NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX reserve_fund_entries_sequence_key ON reserve_fund_entries (agency_id, sequence)`);
    await db.query(`CREATE INDEX reserve_fund_entries_complaint_idx ON reserve_fund_entries (complaint_id) WHERE complaint_id IS NOT NULL`);
    await db.query(`CREATE INDEX reserve_fund_entries_corrects_idx ON reserve_fund_entries (corrects_entry_id) WHERE corrects_entry_id IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION reserve_fund_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'reserve_fund_entries is append-only (a correction is a new entry): % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER reserve_fund_entries_append_only BEFORE UPDATE OR DELETE ON reserve_fund_entries FOR EACH ROW EXECUTE FUNCTION reserve_fund_entries_refuse_change()`);
    await db.query(`CREATE TRIGGER reserve_fund_entries_no_truncate BEFORE TRUNCATE ON reserve_fund_entries FOR EACH STATEMENT EXECUTE FUNCTION reserve_fund_entries_refuse_change()`);
    await db.query(`
      CREATE TABLE reserve_fund_top_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        started_on date NOT NULL,
        due_on date NOT NULL,
        required_fen bigint NOT NULL CHECK (required_fen > 0),
        balance_at_start_fen bigint NOT NULL,
        met_on date,
        -- Set once by the reserve-fund-top-ups job past due_on; enforcement opens its case from it.
        overdue_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // At most one running top-up per agency: a second shortfall entry finds the running one.
    await db.query(`CREATE UNIQUE INDEX reserve_fund_top_ups_open_key ON reserve_fund_top_ups (agency_id) WHERE met_on IS NULL`);
    await db.query(`CREATE INDEX reserve_fund_top_ups_due_idx ON reserve_fund_top_ups (due_on) WHERE met_on IS NULL`);
    await db.query(`CREATE INDEX reserve_fund_top_ups_agency_idx ON reserve_fund_top_ups (agency_id, created_at)`);

    await db.query(`ALTER TABLE licence_applications ADD COLUMN procedure text NOT NULL DEFAULT 'standard' CHECK (procedure IN ('standard', 'commitment'))`);
    // The applicant's signed commitment (告知承诺书): signatory, statement, signedOn.
    await db.query(`ALTER TABLE licence_applications ADD COLUMN commitment jsonb`);
    await db.query(`ALTER TABLE licence_applications ADD CONSTRAINT licence_applications_commitment_check CHECK ((procedure = 'commitment') = (commitment IS NOT NULL))`);
    await db.query(`ALTER TABLE inspections DROP CONSTRAINT inspections_type_check`);
    await db.query(`ALTER TABLE inspections ADD CONSTRAINT inspections_type_check CHECK (type IN ('routine', 'complaint', 'follow_up', 'thematic', 'commitment_check'))`);
    await db.query(`
      CREATE TABLE commitment_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES licence_applications (id),
        licence_id uuid NOT NULL REFERENCES licences (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        inspection_id uuid NOT NULL REFERENCES inspections (id),
        due_on date NOT NULL,
        -- Recorded once each by the commitment-checks job; enforcement opens its case from failed_at.
        overdue_at timestamptz(3),
        failed_at timestamptz(3),
        passed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX commitment_checks_application_key ON commitment_checks (application_id)`);
    await db.query(`CREATE UNIQUE INDEX commitment_checks_inspection_key ON commitment_checks (inspection_id)`);
    await db.query(`CREATE INDEX commitment_checks_jurisdiction_idx ON commitment_checks (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX commitment_checks_created_at_idx ON commitment_checks (created_at, id)`);
    await db.query(`CREATE INDEX commitment_checks_open_due_idx ON commitment_checks (due_on) WHERE passed_at IS NULL AND failed_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE commitment_checks`);
    await db.query(`DELETE FROM inspections WHERE type = 'commitment_check'`);
    await db.query(`ALTER TABLE inspections DROP CONSTRAINT inspections_type_check`);
    await db.query(`ALTER TABLE inspections ADD CONSTRAINT inspections_type_check CHECK (type IN ('routine', 'complaint', 'follow_up', 'thematic'))`);
    await db.query(`ALTER TABLE licence_applications DROP CONSTRAINT licence_applications_commitment_check`);
    await db.query(`ALTER TABLE licence_applications DROP COLUMN commitment, DROP COLUMN procedure`);
    await db.query(`DROP TABLE reserve_fund_top_ups`);
    await db.query(`DROP TABLE reserve_fund_entries`);
    await db.query(`DROP FUNCTION reserve_fund_entries_refuse_change()`);
    await db.query(`DROP TABLE reserve_fund_accounts`);
    await db.query(`DROP TABLE annual_reports`);
  }
}
