import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enforcement with due process: cases (grounds, events, served documents), demerit points and
 * their rules, credit grades, and the provinces' large-amount fine thresholds.
 */
export class Enforcement1763886200000 implements MigrationInterface {
  name = 'Enforcement1763886200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE enforcement_case_number_seq`);
    await db.query(`
      CREATE TABLE enforcement_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL UNIQUE DEFAULT ('EC-' || lpad(nextval('enforcement_case_number_seq')::text, 6, '0')),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        licence_id uuid REFERENCES licences (id),
        -- The agency's division, copied for scoping like licences and inspections.
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        status text NOT NULL CHECK (status IN ('opened', 'notice_served', 'representations', 'hearing_requested', 'hearing_held', 'decided', 'closed', 'withdrawn')),
        proposed_sanction text NOT NULL CHECK (proposed_sanction IN ('warning', 'fine', 'suspension', 'revocation')),
        proposed_fine_amount bigint CHECK (proposed_fine_amount > 0),
        proposed_suspension_days integer CHECK (proposed_suspension_days > 0),
        legal_basis text NOT NULL,
        facts text NOT NULL,
        investigating_officer_id uuid REFERENCES users (id),
        opened_by_id uuid REFERENCES users (id),
        opened_by_username text NOT NULL,
        opened_at timestamptz(3) NOT NULL,
        decision_due_on date NOT NULL,
        overdue boolean NOT NULL DEFAULT false,
        notice_served_at timestamptz(3),
        representation_due_on date,
        hearing_eligible boolean,
        hearing_due_on date,
        representations text,
        representations_at timestamptz(3),
        hearing_requested_at timestamptz(3),
        hearing_request_reason text,
        hearing_held_on date,
        hearing_attendees text,
        hearing_minutes text,
        waived_at timestamptz(3),
        waiver_statement text,
        decided_sanction text CHECK (decided_sanction IN ('none', 'warning', 'fine', 'suspension', 'revocation')),
        decided_fine_amount bigint CHECK (decided_fine_amount > 0),
        decided_suspension_days integer CHECK (decided_suspension_days > 0),
        decision_reasons text,
        deciding_officer_id uuid REFERENCES users (id),
        decided_at timestamptz(3),
        effective_on date,
        reconsideration_due_on date,
        litigation_due_on date,
        sanctioned_licence_ids uuid[] NOT NULL DEFAULT '{}',
        appeal_body text CHECK (appeal_body IN ('reconsideration', 'litigation')),
        appeal_lodged_on date,
        appeal_outcome text CHECK (appeal_outcome IN ('upheld', 'varied', 'annulled')),
        appeal_decided_on date,
        appeal_note text,
        closed_at timestamptz(3),
        withdrawn_at timestamptz(3),
        withdraw_reason text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((proposed_sanction = 'fine') = (proposed_fine_amount IS NOT NULL)),
        CHECK ((proposed_sanction = 'suspension') = (proposed_suspension_days IS NOT NULL)),
        CHECK ((status = 'decided') <= (decided_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX enforcement_cases_jurisdiction_idx ON enforcement_cases (jurisdiction_code, created_at, id)`);
    await db.query(`CREATE INDEX enforcement_cases_created_at_idx ON enforcement_cases (created_at, id)`);
    await db.query(`CREATE INDEX enforcement_cases_agency_idx ON enforcement_cases (agency_id, created_at)`);
    await db.query(`CREATE INDEX enforcement_cases_status_idx ON enforcement_cases (status)`);
    await db.query(`CREATE INDEX enforcement_cases_sanction_idx ON enforcement_cases (proposed_sanction)`);
    await db.query(`CREATE INDEX enforcement_cases_overdue_idx ON enforcement_cases (overdue) WHERE overdue`);
    await db.query(`CREATE INDEX enforcement_cases_licence_idx ON enforcement_cases (licence_id) WHERE licence_id IS NOT NULL`);
    // The public list of sanctions: decided fines, suspensions and revocations not annulled, newest first.
    await db.query(`
      CREATE INDEX enforcement_cases_public_idx ON enforcement_cases (decided_at DESC, id DESC)
       WHERE decided_sanction IN ('fine', 'suspension', 'revocation') AND appeal_outcome IS DISTINCT FROM 'annulled'`);

    await db.query(`
      CREATE TABLE case_grounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_cases (id),
        kind text NOT NULL CHECK (kind IN ('inspection', 'finding', 'complaint', 'annual_report_overdue', 'reserve_fund_overdue', 'commitment_failed', 'credit_grade_d')),
        reference text NOT NULL,
        note text
      )`);
    await db.query(`CREATE INDEX case_grounds_case_idx ON case_grounds (case_id)`);
    await db.query(`CREATE INDEX case_grounds_reference_idx ON case_grounds (kind, reference)`);

    await db.query(`
      CREATE TABLE case_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES enforcement_cases (id),
        kind text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        details jsonb,
        actor_id uuid REFERENCES users (id),
        actor_username text NOT NULL,
        occurred_at timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, id)`);

    await db.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_cases (id),
        kind text NOT NULL CHECK (kind IN ('notice', 'decision')),
        file_name text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (case_id, kind)
      )`);

    await db.query(`
      CREATE TABLE demerit_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('sanction', 'complaint')),
        key text NOT NULL,
        points integer NOT NULL CHECK (points BETWEEN 0 AND 100),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (source, key)
      )`);
    // MOM-style defaults: a revocation alone reaches D, a suspension C, two substantiated urgent complaints C.
    await db.query(`
      INSERT INTO demerit_rules (source, key, points) VALUES
        ('sanction', 'warning', 3), ('sanction', 'fine', 6), ('sanction', 'suspension', 12), ('sanction', 'revocation', 24),
        ('complaint', 'low', 1), ('complaint', 'medium', 2), ('complaint', 'high', 4), ('complaint', 'urgent', 6)`);

    await db.query(`
      CREATE TABLE demerit_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        source text NOT NULL CHECK (source IN ('case', 'complaint')),
        source_id uuid NOT NULL,
        points integer NOT NULL CHECK (points >= 0),
        reason text NOT NULL,
        awarded_on date NOT NULL,
        voided_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (source, source_id)
      )`);
    await db.query(`CREATE INDEX demerit_points_agency_idx ON demerit_points (agency_id, awarded_on) WHERE voided_at IS NULL`);

    await db.query(`
      CREATE TABLE agency_credit_grades (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
        points integer NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        grade_since date NOT NULL,
        surveillance_due_on date,
        computed_at timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX agency_credit_grades_grade_idx ON agency_credit_grades (grade)`);

    await db.query(`
      CREATE TABLE fine_thresholds (
        province_code division_code PRIMARY KEY REFERENCES jurisdictions (code),
        large_amount bigint NOT NULL CHECK (large_amount > 0),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['fine_thresholds', 'agency_credit_grades', 'demerit_points', 'demerit_rules', 'case_documents', 'case_events', 'case_grounds', 'enforcement_cases']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP SEQUENCE enforcement_case_number_seq`);
  }
}
