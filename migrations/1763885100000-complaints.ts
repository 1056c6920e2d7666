import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints: categories (seeded from reference/complaint-categories.csv), complaints with their
 * history, and the daily rollup that trends and alerts read instead of scanning complaints.
 */
export class Complaints1763885100000 implements MigrationInterface {
  name = 'Complaints1763885100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint_categories (
        code text PRIMARY KEY,
        severity_floor text NOT NULL CHECK (severity_floor IN ('low', 'medium', 'high', 'urgent')),
        forced_labour_indicator boolean NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        description text NOT NULL
      )`);
    await db.query(`
      INSERT INTO complaint_categories (code, severity_floor, forced_labour_indicator, name_zh, name_en, description) VALUES
      ('unlicensed_operation', 'high', false, '无证经营', 'Unlicensed operation', 'Recruiting or placing workers without a valid licence or outside its scope'),
      ('recruitment_fee', 'medium', true, '违规收费', 'Recruitment fees charged to worker', 'Fees or costs charged to the worker in breach of the employer-pays principle or above legal limits'),
      ('deposit_or_guarantee', 'medium', true, '收取押金或保证金', 'Deposit or guarantee money', 'Worker made to pay a deposit or guarantee money or sign a debt'),
      ('deception_job_terms', 'high', true, '虚假招聘信息', 'Deception about the job', 'False information about the work, wages, employer, location or living conditions'),
      ('contract_substitution', 'high', true, '合同替换', 'Contract substitution', 'Contract changed or replaced after signing or on arrival'),
      ('no_written_contract', 'medium', false, '未签订书面合同', 'No written contract', 'No written contract or no copy in a language the worker understands'),
      ('document_retention', 'urgent', true, '扣押证件', 'Retention of identity documents', 'Passport or identity papers withheld from the worker'),
      ('wage_withholding', 'high', true, '拖欠扣押工资', 'Wages withheld', 'Wages unpaid, delayed or withheld'),
      ('debt_bondage', 'urgent', true, '债务劳役', 'Debt bondage', 'Debt used to force the worker to keep working'),
      ('restriction_of_movement', 'urgent', true, '限制人身自由', 'Restriction of movement', 'Worker confined or not free to leave'),
      ('threats_or_violence', 'urgent', true, '威胁或暴力', 'Threats or violence', 'Intimidation, threats, physical or sexual violence'),
      ('irregular_deployment', 'high', false, '非法派遣', 'Irregular deployment', 'Deployment on tourist or business visas or without a work permit'),
      ('no_pre_departure_training', 'low', false, '未提供出国前培训', 'No pre-departure training', 'No orientation on rights, contract, destination country and assistance contacts'),
      ('abandonment_no_assistance', 'high', false, '未提供援助', 'No assistance abroad', 'Agency unreachable or refuses help when the worker is in difficulty abroad'),
      ('discrimination', 'medium', false, '就业歧视', 'Discrimination', 'Discrimination in recruitment by sex, ethnicity, religion, health or other grounds'),
      ('personal_data_misuse', 'medium', false, '个人信息滥用', 'Misuse of personal data', 'Personal data collected, kept or shared beyond what the placement needs'),
      ('child_recruitment', 'urgent', true, '招用未成年人', 'Recruitment of a child', 'Recruiting a person under the legal minimum age'),
      ('other', 'low', false, '其他', 'Other', 'Anything else')`);

    await db.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_code text NOT NULL,
        -- sha256 of the secret; the secret itself is never stored.
        secret_hash text NOT NULL,
        secret_salt text NOT NULL,
        -- Same submission within a minute is one complaint (content hash or Idempotency-Key).
        dedup_hash text,
        channel text NOT NULL CHECK (channel IN ('web', 'hotline', 'walk_in', 'letter', 'referral')),
        received_at timestamptz(3) NOT NULL,
        -- The Asia/Shanghai calendar date of received_at: the day of the rollup.
        received_on date NOT NULL,
        complainant_name text CHECK (length(complainant_name) <= 200),
        complainant_contact text CHECK (length(complainant_contact) <= 200),
        agency_id uuid REFERENCES agencies (id),
        agency_name_given text CHECK (length(agency_name_given) <= 200),
        licence_number_given text CHECK (length(licence_number_given) <= 40),
        uscc_given text CHECK (length(uscc_given) <= 18),
        jurisdiction_code division_code NOT NULL REFERENCES jurisdictions (code),
        categories text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 10),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
        destination_country text CHECK (destination_country ~ '^[A-Z]{2}$'),
        amount_claimed numeric(14, 2) CHECK (amount_claimed >= 0),
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'urgent')),
        status text NOT NULL CHECK (status IN ('received', 'triaged', 'investigating', 'resolved', 'referred', 'dismissed', 'closed', 'reopened')),
        assigned_bureau_id uuid REFERENCES bureaus (id),
        assignee_id uuid REFERENCES users (id),
        ack_due_at timestamptz(3) NOT NULL,
        resolve_due_at timestamptz(3) NOT NULL,
        acknowledged_at timestamptz(3),
        resolved_at timestamptz(3),
        extended_at timestamptz(3),
        extension_reason text,
        sla_breached boolean NOT NULL DEFAULT false,
        outcome text CHECK (outcome IN ('substantiated', 'partly_substantiated', 'unsubstantiated', 'withdrawn')),
        inspection_id uuid,
        created_by uuid REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (agency_id IS NOT NULL OR agency_name_given IS NOT NULL OR licence_number_given IS NOT NULL OR uscc_given IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX complaints_tracking_code_key ON complaints (tracking_code)`);
    await db.query(`CREATE INDEX complaints_dedup_idx ON complaints (dedup_hash, received_at) WHERE dedup_hash IS NOT NULL`);
    await db.query(`CREATE INDEX complaints_jurisdiction_idx ON complaints (jurisdiction_code, received_at, id)`);
    await db.query(`CREATE INDEX complaints_received_at_idx ON complaints (received_at, id)`);
    await db.query(`CREATE INDEX complaints_agency_idx ON complaints (agency_id, received_at)`);
    await db.query(`CREATE INDEX complaints_status_idx ON complaints (status)`);
    await db.query(`CREATE INDEX complaints_severity_idx ON complaints (severity)`);
    await db.query(`CREATE INDEX complaints_categories_idx ON complaints USING gin (categories)`);
    await db.query(`CREATE INDEX complaints_assigned_bureau_idx ON complaints (assigned_bureau_id)`);
    await db.query(`CREATE INDEX complaints_assignee_idx ON complaints (assignee_id)`);
    await db.query(`CREATE INDEX complaints_inspection_idx ON complaints (inspection_id) WHERE inspection_id IS NOT NULL`);
    // Open complaints by deadline: the SLA job, the overdue filter and the overview.
    await db.query(`
      CREATE INDEX complaints_open_deadlines_idx ON complaints (resolve_due_at, ack_due_at)
        WHERE status NOT IN ('resolved', 'referred', 'dismissed', 'closed')`);

    await db.query(`
      CREATE TABLE complaint_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints (id),
        kind text NOT NULL CHECK (kind IN ('received', 'assigned', 'transition', 'extended', 'agency_answer', 'inspection_linked')),
        from_status text,
        to_status text,
        note text CHECK (length(note) <= 5000),
        -- A note the complainant sees with the tracking code and secret.
        public_note text CHECK (length(public_note) <= 2000),
        details jsonb,
        actor_id uuid,
        actor_username text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX complaint_events_complaint_idx ON complaint_events (complaint_id, id)`);

    // The daily rollup. Each complaint contributes one row under category '*' (all categories,
    // for every grouping but category) and one row per category it names. resolve_days and
    // sla_breached are part of the key, so the median and the breach rate come from the counts.
    await db.query(`
      CREATE TABLE complaint_daily_counts (
        day date NOT NULL,
        province_code division_code NOT NULL,
        city_code division_code NOT NULL,
        category text NOT NULL,
        channel text NOT NULL,
        agency_id uuid,
        outcome text,
        resolve_days integer,
        sla_breached boolean NOT NULL,
        complaints integer NOT NULL
      )`);
    await db.query(`
      CREATE UNIQUE INDEX complaint_daily_counts_key ON complaint_daily_counts
        (day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached) NULLS NOT DISTINCT`);
    await db.query(`CREATE INDEX complaint_daily_counts_city_idx ON complaint_daily_counts (city_code, day)`);
    await db.query(`CREATE INDEX complaint_daily_counts_category_idx ON complaint_daily_counts (category, province_code, day)`);
    await db.query(`CREATE INDEX complaint_daily_counts_agency_idx ON complaint_daily_counts (agency_id, day) WHERE agency_id IS NOT NULL`);

    // Kept in step by trigger, so every write path (service, demo, a manual fix) keeps it exact.
    await db.query(`
      CREATE FUNCTION complaint_rollup_apply(c complaints, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO complaint_daily_counts AS d
               (day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached, complaints)
        SELECT c.received_on,
               substr(c.jurisdiction_code, 1, 2) || '0000',
               substr(c.jurisdiction_code, 1, 4) || '00',
               category, c.channel, c.agency_id, c.outcome,
               CASE WHEN c.resolved_at IS NULL THEN NULL
                    ELSE (timezone('Asia/Shanghai', c.resolved_at))::date - c.received_on END,
               c.sla_breached, delta
          FROM unnest(ARRAY['*'] || c.categories) AS category
        ON CONFLICT (day, province_code, city_code, category, channel, agency_id, outcome, resolve_days, sla_breached)
        DO UPDATE SET complaints = d.complaints + EXCLUDED.complaints
      $$`);
    await db.query(`
      CREATE FUNCTION complaint_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.received_on = NEW.received_on AND OLD.jurisdiction_code = NEW.jurisdiction_code
           AND OLD.categories = NEW.categories AND OLD.channel = NEW.channel
           AND OLD.agency_id IS NOT DISTINCT FROM NEW.agency_id AND OLD.outcome IS NOT DISTINCT FROM NEW.outcome
           AND OLD.resolved_at IS NOT DISTINCT FROM NEW.resolved_at AND OLD.sla_breached = NEW.sla_breached THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM complaint_rollup_apply(OLD, -1); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM complaint_rollup_apply(NEW, 1); END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER complaints_rollup AFTER INSERT OR UPDATE OR DELETE ON complaints
        FOR EACH ROW EXECUTE FUNCTION complaint_rollup()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER complaints_rollup ON complaints`);
    await db.query(`DROP FUNCTION complaint_rollup()`);
    await db.query(`DROP FUNCTION complaint_rollup_apply(complaints, integer)`);
    await db.query(`DROP TABLE complaint_daily_counts, complaint_events, complaints, complaint_categories`);
  }
}
