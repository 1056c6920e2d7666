import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency register, licences with their events, licence applications and licence numbering. */
export class AgenciesAndLicences1763884900000 implements MigrationInterface {
  name = 'AgenciesAndLicences1763884900000';

  async up(db: QueryRunner): Promise<void> {
    // Trigram indexes serve partial-name search in Chinese and English (ILIKE '%...%').
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uscc text NOT NULL CHECK (uscc ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
        name_en text CHECK (length(name_en) <= 200),
        legal_representative text NOT NULL,
        address text NOT NULL,
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        agency_type text NOT NULL CHECK (agency_type IN ('domestic_placement', 'overseas_placement', 'labour_service_cooperation')),
        contact_name text,
        contact_phone text,
        contact_email text,
        risk_score numeric(5, 2),
        risk_factors jsonb,
        risk_computed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE UNIQUE INDEX agencies_uscc_key ON agencies (uscc)`);
    await db.query(`CREATE INDEX agencies_jurisdiction_idx ON agencies (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX agencies_created_at_idx ON agencies (created_at, id)`);
    await db.query(`CREATE INDEX agencies_type_idx ON agencies (agency_type)`);
    await db.query(`CREATE INDEX agencies_risk_idx ON agencies (risk_score DESC NULLS LAST, id)`);
    await db.query(`CREATE INDEX agencies_name_zh_trgm_idx ON agencies USING gin (name_zh gin_trgm_ops)`);
    await db.query(`CREATE INDEX agencies_name_en_trgm_idx ON agencies USING gin (name_en gin_trgm_ops)`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies (id)`);

    await db.query(`
      CREATE TABLE licences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_number text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        -- Copied from the agency (and kept in step with it) so scoped lists filter licences directly.
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        licence_type text NOT NULL CHECK (licence_type IN ('human_resources_service', 'overseas_employment', 'labour_service_cooperation')),
        scope jsonb NOT NULL DEFAULT '{}',
        issued_by_bureau_id uuid NOT NULL REFERENCES bureaus (id),
        status text NOT NULL CHECK (status IN ('active', 'suspended', 'revoked', 'surrendered', 'expired')),
        valid_from date NOT NULL,
        expires_on date NOT NULL,
        -- Each renewal starts a new term; reminders are sent once per licence, term and offset.
        term integer NOT NULL DEFAULT 1,
        suspended_until date,
        conditions text,
        reserve_fund_amount numeric(14, 2) CHECK (reserve_fund_amount >= 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (expires_on > valid_from)
      )`);
    await db.query(`CREATE UNIQUE INDEX licences_licence_number_key ON licences (licence_number)`);
    await db.query(`CREATE INDEX licences_agency_idx ON licences (agency_id, status)`);
    await db.query(`CREATE INDEX licences_jurisdiction_idx ON licences (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX licences_created_at_idx ON licences (created_at, id)`);
    await db.query(`CREATE INDEX licences_status_expiry_idx ON licences (status, expires_on)`);
    await db.query(`CREATE INDEX licences_expires_on_idx ON licences (expires_on)`);
    await db.query(`CREATE INDEX licences_issued_by_idx ON licences (issued_by_bureau_id)`);

    await db.query(`
      CREATE TABLE licence_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        licence_id uuid NOT NULL REFERENCES licences (id),
        kind text NOT NULL CHECK (kind IN ('issued', 'suspended', 'reinstated', 'revoked', 'surrendered', 'expired', 'renewed', 'varied')),
        from_status text,
        to_status text NOT NULL,
        reason text,
        details jsonb,
        actor_id uuid,
        actor_username text NOT NULL,
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX licence_events_licence_idx ON licence_events (licence_id, id)`);

    await db.query(`
      CREATE TABLE licence_number_sequences (
        bureau_code text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (bureau_code, year)
      )`);

    await db.query(`
      CREATE TABLE licence_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        kind text NOT NULL CHECK (kind IN ('new', 'renewal', 'variation')),
        licence_type text NOT NULL CHECK (licence_type IN ('human_resources_service', 'overseas_employment', 'labour_service_cooperation')),
        licence_id uuid REFERENCES licences (id),
        requested_scope jsonb NOT NULL DEFAULT '{}',
        requested_conditions text,
        reserve_fund_amount numeric(14, 2) CHECK (reserve_fund_amount >= 0),
        note text,
        status text NOT NULL CHECK (status IN ('submitted', 'under_review', 'approved', 'refused', 'returned', 'resubmitted')),
        decision_reason text,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz(3),
        submitted_by uuid REFERENCES users (id),
        resulting_licence_id uuid REFERENCES licences (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((kind = 'new') = (licence_id IS NULL))
      )`);
    await db.query(`CREATE INDEX licence_applications_jurisdiction_idx ON licence_applications (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX licence_applications_created_at_idx ON licence_applications (created_at, id)`);
    await db.query(`CREATE INDEX licence_applications_agency_idx ON licence_applications (agency_id)`);
    await db.query(`CREATE INDEX licence_applications_status_idx ON licence_applications (status)`);
    await db.query(`CREATE INDEX licence_applications_licence_idx ON licence_applications (licence_id)`);
    // One open renewal or variation per licence at a time.
    await db.query(`
      CREATE UNIQUE INDEX licence_applications_one_open_per_licence
        ON licence_applications (licence_id, kind)
        WHERE status IN ('submitted', 'under_review', 'returned', 'resubmitted')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE licence_applications, licence_number_sequences, licence_events, licences`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_agency_id_fkey`);
    await db.query(`DROP TABLE agencies`);
  }
}
