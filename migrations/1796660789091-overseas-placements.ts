import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

function referenceRows(name: string): Record<string, string>[] {
  let dir = __dirname;
  while (!existsSync(join(dir, 'reference', name))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`reference/${name} not found above ${__dirname}`);
    dir = parent;
  }
  return parse(readFileSync(join(dir, 'reference', name)), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/**
 * Overseas placements: every worker an agency sends abroad, the contract she signed and her
 * pre-departure training, with her ID number and phone encrypted (AES-256-GCM in the app; the
 * database sees ciphertext, a keyed hash and the masked form only). The sample contract's clauses
 * and the destinations (minimum wage, help line) are reference data a system admin extends,
 * seeded from reference/placement-*.csv. A complaint may name a placement by its check code.
 */
export class OverseasPlacements1796660789091 implements MigrationInterface {
  name = 'OverseasPlacements1796660789091';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE placement_contract_clauses (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
        kind text NOT NULL CHECK (kind IN ('monthly_wage_minimum', 'max_hours_per_week', 'min_rest_days_per_week', 'duration_months', 'insurance',
                                           'return_travel_employer', 'no_worker_fees', 'documents_not_retained', 'dispute_resolution', 'signed_before_departure')),
        params jsonb NOT NULL DEFAULT '{}',
        title_zh text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 200),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        source_title text NOT NULL CHECK (length(source_title) BETWEEN 1 AND 500),
        source_url text NOT NULL CHECK (source_url ~ '^https?://'),
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`
      CREATE TABLE placement_destinations (
        country_code text PRIMARY KEY CHECK (country_code ~ '^[A-Z]{2}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        minimum_monthly_wage numeric(14, 2) CHECK (minimum_monthly_wage > 0),
        wage_currency text CHECK (wage_currency ~ '^[A-Z]{3}$'),
        wage_source_url text CHECK (wage_source_url ~ '^https?://'),
        help_line_number text CHECK (help_line_number ~ '^\\+?[0-9][0-9 -]{1,30}$'),
        help_line_name_zh text,
        help_line_name_en text,
        help_line_source_url text CHECK (help_line_source_url ~ '^https?://'),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((minimum_monthly_wage IS NULL) = (wage_currency IS NULL)),
        CHECK (help_line_number IS NULL OR (help_line_name_zh IS NOT NULL AND help_line_name_en IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        check_code text NOT NULL CHECK (check_code ~ '^[A-Z0-9]{10}$'),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        licence_id uuid NOT NULL REFERENCES licences (id),
        destination_country text NOT NULL CHECK (destination_country ~ '^[A-Z]{2}$'),
        employer_name text NOT NULL,
        employer_country text NOT NULL CHECK (employer_country ~ '^[A-Z]{2}$'),
        employer_address text NOT NULL,
        job_title text NOT NULL,
        worker_name text NOT NULL,
        -- AES-256-GCM ciphertexts (v1.<base64url>); never the plain number.
        worker_id_encrypted text NOT NULL CHECK (worker_id_encrypted LIKE 'v1.%'),
        worker_id_hash text NOT NULL CHECK (worker_id_hash ~ '^[0-9a-f]{64}$'),
        worker_id_masked text NOT NULL CHECK (worker_id_masked ~ '^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$'),
        worker_phone_encrypted text NOT NULL CHECK (worker_phone_encrypted LIKE 'v1.%'),
        worker_phone_masked text NOT NULL,
        contract jsonb NOT NULL,
        training jsonb NOT NULL,
        departure_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('filed', 'returned')),
        returned_on date,
        return_reason text CHECK (return_reason IN ('completed', 'ended_early', 'abuse', 'other')),
        return_note text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((status = 'returned') = (returned_on IS NOT NULL AND return_reason IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX placements_check_code_key ON placements (check_code)`);
    await db.query(`CREATE INDEX placements_jurisdiction_idx ON placements (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX placements_agency_idx ON placements (agency_id, created_at, id)`);
    await db.query(`CREATE INDEX placements_created_at_idx ON placements (created_at, id)`);
    await db.query(`CREATE INDEX placements_destination_idx ON placements (destination_country, departure_date)`);
    await db.query(`CREATE INDEX placements_worker_idx ON placements (worker_id_hash)`);
    await db.query(`CREATE INDEX placements_abuse_idx ON placements (agency_id, returned_on) WHERE return_reason = 'abuse'`);
    await db.query(`ALTER TABLE complaints ADD COLUMN placement_code text CHECK (placement_code ~ '^[A-Z0-9]{10}$')`);
    await db.query(`CREATE INDEX complaints_placement_code_idx ON complaints (placement_code) WHERE placement_code IS NOT NULL`);

    for (const row of referenceRows('placement-contract-clauses.csv')) {
      await db.query(
        `INSERT INTO placement_contract_clauses (code, kind, params, title_zh, title_en, source_title, source_url, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [row.code, row.kind, row.params || '{}', row.title_zh, row.title_en, row.source_title, row.source_url, Number(row.sort_order)],
      );
    }
    for (const row of referenceRows('placement-destinations.csv')) {
      await db.query(
        `INSERT INTO placement_destinations (country_code, name_zh, name_en, minimum_monthly_wage, wage_currency, wage_source_url, help_line_number, help_line_name_zh, help_line_name_en, help_line_source_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [row.country_code, row.name_zh, row.name_en, row.minimum_monthly_wage || null, row.wage_currency || null, row.wage_source_url || null, row.help_line_number || null, row.help_line_name_zh || null, row.help_line_name_en || null, row.help_line_source_url || null],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaints DROP COLUMN placement_code`);
    await db.query(`DROP TABLE placements, placement_destinations, placement_contract_clauses`);
  }
}
