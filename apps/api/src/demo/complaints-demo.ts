import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Clock } from '@app/core';

/** Where and what the demo's spike is: trends and alerts should show it. */
export const DEMO_SPIKE = { province: '350000', category: 'recruitment_fee', monthsAgo: 2, extra: 60 };
const DEMO_MONTHS = 18;

/**
 * ~2,000 complaints over the last 18 months about the agencies already in the database (a steady
 * 36 a month in each pilot province, spread over the categories and the province's agencies), with
 * a spike of recruitment-fee complaints in Fujian two months ago. Inserted set-based in one
 * statement (the rollup trigger keeps the trend counts exact). Deadlines are the calendar
 * equivalents of the working-day rules (7 and 84 days; urgent 1 and 21), close enough for a demo.
 * Seeded from a fixed random seed, so every demo shows the same picture.
 */
export async function seedComplaints(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const audit = app.get(AuditService);
  const now = app.get(Clock).now();
  await dataSource.transaction(async (manager) => {
    await manager.query(`SELECT setseed(0.4242)`);
    const [{ count }] = (await manager.query(
      `WITH agency_pool AS (
         SELECT a.id, a.jurisdiction_code,
                row_number() OVER (PARTITION BY substr(a.jurisdiction_code, 1, 2) ORDER BY a.created_at, a.id) AS pn,
                count(*) OVER (PARTITION BY substr(a.jurisdiction_code, 1, 2)) AS ptotal
           FROM agencies a WHERE substr(a.jurisdiction_code, 1, 2) IN ('35', '21', '37')
       ),
       -- How many complaints a month each category draws in each province: a steady background
       -- (36 a month per province), so that only the seeded spike stands out in the alerts.
       category_pool AS (
         SELECT c.code, coalesce(w.per_month, 1) AS per_month, row_number() OVER (ORDER BY c.code) AS n
           FROM complaint_categories c
           LEFT JOIN (VALUES ('recruitment_fee', 4), ('wage_withholding', 4), ('deception_job_terms', 3), ('no_written_contract', 3),
                             ('contract_substitution', 2), ('deposit_or_guarantee', 2), ('document_retention', 2), ('irregular_deployment', 2),
                             ('abandonment_no_assistance', 2), ('no_pre_departure_training', 2), ('other', 2), ('unlicensed_operation', 2))
             AS w(code, per_month) ON w.code = c.code
       ),
       provinces AS (SELECT DISTINCT substr(jurisdiction_code, 1, 2) AS prefix FROM agency_pool),
       draws AS (
         SELECT m, p.prefix, c.code AS category, c.n AS category_n, i,
                date_trunc('month', $1::timestamptz - (m || ' months')::interval)
                  + (((i - 0.5) / c.per_month * 27 + c.n % 3) || ' days')::interval + ((c.n * 7 + i * 5) % 10 || ' hours')::interval AS received_at,
                false AS spike
           FROM generate_series(0, $2::int - 1) AS m
          CROSS JOIN provinces p
          CROSS JOIN category_pool c
          CROSS JOIN LATERAL generate_series(1, c.per_month) AS i
         UNION ALL
         -- The spike: recruitment fees in one province, in one month.
         SELECT $3::int, substr($6::text, 1, 2), $5::text, 0::bigint, g,
                date_trunc('month', $1::timestamptz - ($3::int || ' months')::interval) + (random() * 27 || ' days')::interval, true
           FROM generate_series(1, $4::int) AS g
       ),
       picked AS (
         SELECT d.*, ag.id AS agency_id, ag.jurisdiction_code,
                -- Some recruitment-fee complaints also name a deposit: the same ones every month.
                CASE WHEN d.category = 'recruitment_fee' AND d.i = 1 AND NOT d.spike THEN ARRAY['recruitment_fee', 'deposit_or_guarantee']
                     ELSE ARRAY[d.category] END AS categories,
                random() AS agency_draw, row_number() OVER (ORDER BY d.received_at, d.prefix, d.category, d.i) AS g
           FROM draws d
           JOIN agency_pool ag ON substr(ag.jurisdiction_code, 1, 2) = d.prefix
                              AND ag.pn = 1 + ((d.m * 7 + d.category_n * 3 + d.i + CASE WHEN d.spike THEN d.i * 5 ELSE 0 END) % ag.ptotal)
          WHERE d.received_at <= $1::timestamptz
       ),
       rated AS (
         SELECT p.*, s.severity,
                extract(epoch FROM ($1::timestamptz - p.received_at)) / 86400 AS age_days, random() AS status_draw, random() AS outcome_draw
           FROM picked p
           JOIN LATERAL (
             SELECT CASE WHEN bool_or(c.forced_labour_indicator) THEN 'urgent'
                         ELSE (ARRAY['low', 'medium', 'high', 'urgent'])[max(array_position(ARRAY['low', 'medium', 'high', 'urgent'], c.severity_floor))] END AS severity
               FROM complaint_categories c WHERE c.code = ANY(p.categories)
           ) s ON true
       ),
       staged AS (
         SELECT r.*,
                CASE WHEN r.age_days < 5 THEN 'received'
                     WHEN r.age_days < 20 THEN (ARRAY['triaged', 'investigating'])[1 + floor(r.status_draw * 2)]
                     WHEN r.age_days < 90 AND r.status_draw < 0.4 THEN 'investigating'
                     WHEN r.status_draw < 0.1 THEN 'referred'
                     WHEN r.status_draw < 0.2 THEN 'dismissed'
                     WHEN r.age_days > 150 THEN 'closed'
                     ELSE 'resolved' END AS status,
                CASE WHEN r.severity = 'urgent' THEN 1 ELSE 7 END AS ack_days,
                CASE WHEN r.severity = 'urgent' THEN 21 ELSE 84 END AS resolve_days,
                least(r.age_days, 3 + r.status_draw * 70) AS days_taken
           FROM rated r
       )
       INSERT INTO complaints (tracking_code, secret_hash, secret_salt, channel, received_at, received_on, complainant_name, complainant_contact,
                               agency_id, jurisdiction_code, categories, description, destination_country, amount_claimed, severity, status,
                               assigned_bureau_id, ack_due_at, resolve_due_at, acknowledged_at, resolved_at, sla_breached, outcome, created_at, updated_at)
       SELECT 'CP-' || upper(substr(md5(random()::text), 1, 5)) || '-' || upper(substr(md5(random()::text), 1, 5)),
              md5(random()::text) || md5(random()::text), md5(random()::text),
              (ARRAY['web', 'web', 'web', 'hotline', 'hotline', 'walk_in', 'letter', 'referral'])[1 + floor(s.outcome_draw * 8)],
              s.received_at, timezone('Asia/Shanghai', s.received_at)::date,
              CASE WHEN s.status_draw < 0.3 THEN NULL ELSE '投诉人' || s.g END,
              CASE WHEN s.status_draw < 0.3 THEN NULL ELSE '138' || lpad((s.g * 7919 % 100000000)::text, 8, '0') END,
              s.agency_id, s.jurisdiction_code, s.categories,
              'Demo complaint: ' || array_to_string(s.categories, ', ') || '.',
              (ARRAY['SG', 'JP', 'MY', 'AE', 'SA', 'KR'])[1 + floor(s.agency_draw * 6)],
              CASE WHEN 'recruitment_fee' = ANY(s.categories) THEN round((2000 + s.outcome_draw * 30000)::numeric, 2) END,
              s.severity, s.status,
              (SELECT b.id FROM bureaus b WHERE b.jurisdiction_code IN (substr(s.jurisdiction_code, 1, 4) || '00', substr(s.jurisdiction_code, 1, 2) || '0000')
                ORDER BY b.jurisdiction_code DESC LIMIT 1),
              s.received_at + (s.ack_days || ' days')::interval,
              s.received_at + (s.resolve_days || ' days')::interval,
              CASE WHEN s.status <> 'received' THEN s.received_at + (least(s.age_days, 1 + s.outcome_draw * 6) || ' days')::interval END,
              CASE WHEN s.status IN ('resolved', 'referred', 'dismissed', 'closed') THEN s.received_at + (s.days_taken || ' days')::interval END,
              s.status IN ('resolved', 'referred', 'dismissed', 'closed') AND s.days_taken > s.resolve_days,
              CASE WHEN s.status IN ('resolved', 'closed') THEN
                     (ARRAY['substantiated', 'substantiated', 'partly_substantiated', 'unsubstantiated', 'unsubstantiated', 'withdrawn'])[1 + floor(s.outcome_draw * 6)]
                   WHEN s.status = 'dismissed' THEN 'unsubstantiated' END,
              s.received_at, $1::timestamptz
         FROM staged s
       RETURNING 1`,
      [now, DEMO_MONTHS, DEMO_SPIKE.monthsAgo, DEMO_SPIKE.extra, DEMO_SPIKE.category, DEMO_SPIKE.province],
    ).then((rows: unknown[]) => [{ count: rows.length }])) as { count: number }[];
    await audit.record(manager, { action: 'complaint.demo_seed', entityType: 'complaint', after: { complaints: count, spike: DEMO_SPIKE } });
  });
}
