import { Client } from 'pg';
import { COMPLAINT_ROLLUP_SQL } from '@app/complaints';

/**
 * Generation steps of the monitoring and complaints modules, run after agencies and licences.
 * Everything is made by the database from generate_series, with values derived from the row
 * number (deterministic), and dependent tables (findings, rollups) filled in set-based.
 */
/**
 * BENCH_COMPLAINTS and BENCH_INSPECTIONS shrink the two largest tables (1,000,000 and 100,000 by
 * default) when the machine is too busy to generate them; the lists' figures then say so in the run.
 */
export const COMPLAINT_COUNT = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
export const INSPECTION_COUNT = Number(process.env.BENCH_INSPECTIONS ?? 100_000);

export const DATA_STEPS: ((client: Client) => Promise<string>)[] = [inspections, complaints];

/** 100,000 submitted inspections over 3 years, every item of the seeded template found. */
async function inspections(client: Client): Promise<string> {
  await client.query(
    `WITH template AS (SELECT id FROM checklist_templates WHERE kind = 'inspection' AND status = 'published' ORDER BY version DESC LIMIT 1),
          numbered AS (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY md5(uscc)) - 1 AS n FROM agencies),
          inspector AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE role = 'inspector')
     INSERT INTO inspections (agency_id, jurisdiction_code, type, status, inspection_date, template_id, lead_inspector_id, score, violation_points, outcome, submitted_at, created_at)
     SELECT a.id, a.jurisdiction_code, (ARRAY['routine', 'routine', 'routine', 'complaint', 'thematic'])[1 + g % 5], 'submitted',
            current_date - (g % 1095), (SELECT id FROM template), i.id,
            100 - (g % 7) * 5, (g % 7) * 4,
            CASE WHEN g % 23 = 0 THEN 'critical_violation' WHEN (g % 7) * 4 >= 16 THEN 'serious_violation' WHEN g % 7 > 0 THEN 'minor_issues' ELSE 'compliant' END,
            now() - ((g % 1095) || ' days')::interval, now() - ((g % 1095) || ' days')::interval
       FROM generate_series(1, $1::int) g
       JOIN numbered a ON a.n = g % 30000
       JOIN inspector i ON i.n = g % (SELECT count(*) FROM inspector)`,
    [INSPECTION_COUNT],
  );
  await client.query(
    `INSERT INTO inspection_findings (inspection_id, item_code, result)
     SELECT i.id, it.code, CASE WHEN abs(hashtext(i.id::text || it.code)) % 10 = 0 THEN 'non_compliant' ELSE 'compliant' END
       FROM inspections i JOIN checklist_items it ON it.template_id = i.template_id`,
  );
  return `inspections (${INSPECTION_COUNT.toLocaleString('en')}) with findings`;
}

/**
 * 1,000,000 complaints over the last 3 years in every province (cities of the pilot provinces),
 * two thirds naming a registered agency. The rollup trigger is off during the load and the
 * rollups are then built set-based, with the SQL ComplaintRollup.rebuild() uses.
 */
async function complaints(client: Client): Promise<string> {
  await client.query(`ALTER TABLE complaints DISABLE TRIGGER complaints_rollup`);
  await client.query(
    `WITH categories AS (SELECT array_agg(code ORDER BY code) AS codes FROM complaint_categories),
          numbered AS (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY md5(uscc)) - 1 AS n FROM agencies),
          places AS (SELECT array_agg(code ORDER BY code) AS codes FROM jurisdictions WHERE level = 'city' OR code NOT LIKE ANY (ARRAY['35%', '21%', '37%']))
     INSERT INTO complaints (tracking_code, secret_hash, secret_salt, channel, received_at, received_on, agency_id, agency_name_given,
                             jurisdiction_code, categories, description, severity, status, ack_due_at, resolve_due_at,
                             acknowledged_at, resolved_at, sla_breached, outcome, created_at)
     SELECT 'BENCH' || lpad(g::text, 9, '0'), md5(g::text), md5('salt' || g), (ARRAY['web', 'web', 'hotline', 'walk_in', 'letter', 'referral'])[1 + g % 6],
            r.at, (r.at AT TIME ZONE 'Asia/Shanghai')::date,
            CASE WHEN g % 3 > 0 THEN a.id END, CASE WHEN g % 3 = 0 THEN 'Unregistered agency ' || (g % 5000) END,
            CASE WHEN g % 3 > 0 THEN a.jurisdiction_code ELSE p.codes[1 + g % cardinality(p.codes)] END,
            CASE WHEN g % 4 = 0 THEN ARRAY[c.codes[1 + g % cardinality(c.codes)], c.codes[1 + (g / 7) % cardinality(c.codes)]]
                 ELSE ARRAY[c.codes[1 + g % cardinality(c.codes)]] END,
            'Complaint about recruitment practices, number ' || g,
            (ARRAY['low', 'medium', 'medium', 'high', 'urgent'])[1 + g % 5],
            s.status, r.at + interval '7 days', r.at + interval '84 days',
            CASE WHEN s.status <> 'received' THEN r.at + interval '2 days' END,
            CASE WHEN s.status IN ('resolved', 'closed') THEN r.at + ((g % 80) || ' days')::interval END,
            g % 17 = 0,
            CASE WHEN s.status IN ('resolved', 'closed') THEN (ARRAY['substantiated', 'partly_substantiated', 'unsubstantiated', 'withdrawn'])[1 + g % 4] END,
            r.at
       FROM generate_series(1, $1::int) g
       CROSS JOIN categories c CROSS JOIN places p
       JOIN numbered a ON a.n = g % 30000
       CROSS JOIN LATERAL (SELECT now() - ((g::bigint * 7919 % (1095 * 86400)) || ' seconds')::interval AS at) r
       CROSS JOIN LATERAL (SELECT CASE WHEN r.at > now() - interval '60 days' THEN (ARRAY['received', 'triaged', 'investigating'])[1 + g % 3]
                                       ELSE (ARRAY['resolved', 'closed', 'closed', 'dismissed', 'referred'])[1 + g % 5] END AS status) s`,
    [COMPLAINT_COUNT],
  );
  await client.query(`ALTER TABLE complaints ENABLE TRIGGER complaints_rollup`);
  await client.query(`DELETE FROM complaint_daily_counts`);
  await client.query(`DELETE FROM complaint_monthly_counts`);
  await client.query(COMPLAINT_ROLLUP_SQL.daily);
  await client.query(COMPLAINT_ROLLUP_SQL.monthly);
  return `complaints (${COMPLAINT_COUNT.toLocaleString('en')}) and their rollups`;
}
