import { MigrationInterface, QueryRunner } from 'typeorm';

/** The monthly rollup as the complaints say it should be, at every level (the backfill). */
const MONTHLY_CELLS = `
  WITH base AS (
    SELECT date_trunc('month', c.received_on)::date AS month, level.name AS level, level.code, category,
           c.outcome IN ('substantiated', 'partly_substantiated') AS substantiated, c.outcome IS NOT NULL AS decided, c.sla_breached,
           CASE WHEN c.resolved_at IS NULL THEN NULL ELSE timezone('Asia/Shanghai', c.resolved_at)::date - c.received_on END AS resolve_days
      FROM complaints c
     CROSS JOIN LATERAL unnest(ARRAY['*'] || c.categories) AS category
     CROSS JOIN LATERAL (VALUES ('nation', '000000'), ('province', substr(c.jurisdiction_code, 1, 2) || '0000'), ('city', substr(c.jurisdiction_code, 1, 4) || '00')) AS level(name, code)
  ), counts AS (
    SELECT month, level, code, category, count(*)::int AS complaints, (count(*) FILTER (WHERE substantiated))::int AS substantiated,
           (count(*) FILTER (WHERE decided))::int AS decided, (count(*) FILTER (WHERE sla_breached))::int AS sla_breaches,
           (count(*) FILTER (WHERE resolve_days IS NOT NULL))::int AS resolved
      FROM base GROUP BY 1, 2, 3, 4
  ), histograms AS (
    SELECT month, level, code, category, jsonb_object_agg(resolve_days::text, n) AS resolve_days
      FROM (SELECT month, level, code, category, resolve_days, count(*) AS n FROM base WHERE resolve_days IS NOT NULL GROUP BY 1, 2, 3, 4, 5) r
     GROUP BY 1, 2, 3, 4
  )
  SELECT counts.*, coalesce(histograms.resolve_days, '{}') AS resolve_days FROM counts LEFT JOIN histograms USING (month, level, code, category)`;

/**
 * A monthly rollup of complaints by category, beside the daily one. The daily rollup keys on
 * every dimension a trend can group or filter by, so at national volume it is about as large as
 * the complaints themselves; month x category and month x province trends (the ministry's usual
 * view) read this one instead. It is kept at three levels (the nation, each province, each city),
 * so a query reads the coarsest level its caller's reach allows: the days-to-resolve histograms
 * behind the median do not merge cheaply, and the national level spares merging 67 cities' worth.
 */
export class ComplaintMonthlyRollup1763885400000 implements MigrationInterface {
  name = 'ComplaintMonthlyRollup1763885400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint_monthly_counts (
        month date NOT NULL,
        level text NOT NULL CHECK (level IN ('nation', 'province', 'city')),
        -- 000000 for the nation, the province's or the city's division code otherwise.
        code text COLLATE "C" NOT NULL,
        -- '*' counts each complaint once; a category code counts it for each category named.
        category text NOT NULL,
        complaints integer NOT NULL,
        substantiated integer NOT NULL,
        decided integer NOT NULL,
        sla_breaches integer NOT NULL,
        resolved integer NOT NULL,
        -- {"days to resolve": complaints}
        resolve_days jsonb NOT NULL,
        PRIMARY KEY (level, code, month, category)
      )`);

    await db.query(`
      CREATE FUNCTION jsonb_histogram_add(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(jsonb_object_agg(k, v) FILTER (WHERE v <> 0), '{}'::jsonb)
          FROM (SELECT k, sum(v::int) AS v FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) e(k, v) GROUP BY k) s
      $$`);
    await db.query(`
      CREATE FUNCTION complaint_monthly_apply(c complaints, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO complaint_monthly_counts AS m (month, level, code, category, complaints, substantiated, decided, sla_breaches, resolved, resolve_days)
        SELECT date_trunc('month', c.received_on)::date, level.name, level.code, category, delta,
               CASE WHEN c.outcome IN ('substantiated', 'partly_substantiated') THEN delta ELSE 0 END,
               CASE WHEN c.outcome IS NOT NULL THEN delta ELSE 0 END,
               CASE WHEN c.sla_breached THEN delta ELSE 0 END,
               CASE WHEN c.resolved_at IS NOT NULL THEN delta ELSE 0 END,
               CASE WHEN c.resolved_at IS NULL THEN '{}'::jsonb
                    ELSE jsonb_build_object((timezone('Asia/Shanghai', c.resolved_at)::date - c.received_on)::text, delta) END
          FROM unnest(ARRAY['*'] || c.categories) AS category
         CROSS JOIN (VALUES ('nation', '000000'), ('province', substr(c.jurisdiction_code, 1, 2) || '0000'), ('city', substr(c.jurisdiction_code, 1, 4) || '00')) AS level(name, code)
        ON CONFLICT (level, code, month, category) DO UPDATE SET
          complaints = m.complaints + EXCLUDED.complaints,
          substantiated = m.substantiated + EXCLUDED.substantiated,
          decided = m.decided + EXCLUDED.decided,
          sla_breaches = m.sla_breaches + EXCLUDED.sla_breaches,
          resolved = m.resolved + EXCLUDED.resolved,
          resolve_days = jsonb_histogram_add(m.resolve_days, EXCLUDED.resolve_days)
      $$`);
    // The trigger keeps both rollups in step with every change of a complaint.
    await db.query(`
      CREATE OR REPLACE FUNCTION complaint_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.received_on = NEW.received_on AND OLD.jurisdiction_code = NEW.jurisdiction_code
           AND OLD.categories = NEW.categories AND OLD.channel = NEW.channel
           AND OLD.agency_id IS NOT DISTINCT FROM NEW.agency_id AND OLD.outcome IS NOT DISTINCT FROM NEW.outcome
           AND OLD.resolved_at IS NOT DISTINCT FROM NEW.resolved_at AND OLD.sla_breached = NEW.sla_breached THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM complaint_rollup_apply(OLD, -1);
          PERFORM complaint_monthly_apply(OLD, -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          PERFORM complaint_rollup_apply(NEW, 1);
          PERFORM complaint_monthly_apply(NEW, 1);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`INSERT INTO complaint_monthly_counts (month, level, code, category, complaints, substantiated, decided, sla_breaches, resolved, resolve_days) ${MONTHLY_CELLS}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION complaint_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM complaint_rollup_apply(OLD, -1); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM complaint_rollup_apply(NEW, 1); END IF;
        RETURN NULL;
      END $$`);
    await db.query(`DROP FUNCTION complaint_monthly_apply(complaints, integer)`);
    await db.query(`DROP FUNCTION jsonb_histogram_add(jsonb, jsonb)`);
    await db.query(`DROP TABLE complaint_monthly_counts`);
  }
}
