/**
 * `npm run bench:data`: a deterministic national-scale data set in the benchmark database:
 * 50 bureaus, 2,000 users, 30,000 agencies, 200,000 licences, 100,000 inspections with
 * findings and 1,000,000 complaints over 3 years. Rows are made by the database itself
 * (INSERT ... SELECT FROM generate_series / unnest), not sent one by one.
 */
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { withUsccCheck } from '@app/agencies';
import { DATA_STEPS } from './lib/data-steps';
import { BENCH_DATABASE, migrate, openBenchDatabase, random, withClient } from './lib/bench-database';

export const BENCH_PASSWORD = 'bench-password';

export const SIZES = { agencies: 30_000, licences: 200_000, inspections: 100_000, complaints: 1_000_000, users: 2_000 };

export async function generate(url: string, log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  await resetDatabase(url);
  await migrate(url);
  await withClient(url, async (client) => {
    await client.query(`SET synchronous_commit = off`);
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    for (const step of [bureausAndUsers(hash), agencies, licences, ...DATA_STEPS]) {
      const stepStarted = Date.now();
      const name = await step(client);
      log(`  ${name.padEnd(40)} ${((Date.now() - stepStarted) / 1000).toFixed(1).padStart(6)} s`);
    }
    await client.query(`ANALYZE`);
  });
  log(`Generated the benchmark data set in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Drops and recreates the benchmark database, so every run starts from the same state. */
async function resetDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = target.pathname.slice(1) || BENCH_DATABASE;
  target.pathname = '/postgres';
  await withClient(target.toString(), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
}

type Step = (client: Client) => Promise<string>;

const PILOT_PROVINCES = ['35', '21', '37'];

/** The ministry, 31 province bureaus and 18 city bureaus; 1,000 officials and 1,000 agency users (added with the agencies). */
function bureausAndUsers(passwordHash: string): Step {
  return async (client) => {
    await client.query(`INSERT INTO bureaus (name, level) VALUES ('MOHRSS', 'ministry')`);
    await client.query(`INSERT INTO bureaus (name, level, jurisdiction_code) SELECT name_en || ' HRSS', 'province', code FROM jurisdictions WHERE level = 'province'`);
    await client.query(`
      INSERT INTO bureaus (name, level, jurisdiction_code)
      SELECT name_en || ' HRSS', 'city', code FROM (
        SELECT code, name_en, row_number() OVER (PARTITION BY parent_code ORDER BY code) AS n FROM jurisdictions WHERE level = 'city'
      ) c WHERE n <= 6`);
    // Officials spread over the bureaus: one admin each, the rest inspectors; the ministry's are officials.
    await client.query(
      `INSERT INTO users (username, display_name, password_hash, role, bureau_id)
       SELECT 'official-' || g, 'Official ' || g, $1,
              CASE WHEN b.level = 'ministry' THEN 'ministry_official' WHEN g <= 50 THEN 'bureau_admin' ELSE 'inspector' END, b.id
         FROM generate_series(1, $2::int) g
         JOIN (SELECT id, level, row_number() OVER (ORDER BY jurisdiction_code NULLS FIRST) - 1 AS n FROM bureaus) b ON b.n = (g - 1) % 50`,
      [passwordHash, SIZES.users / 2],
    );
    // Named accounts the benchmarks sign in with.
    await client.query(
      `INSERT INTO users (username, display_name, password_hash, role, bureau_id)
       SELECT 'bench-' || lower(b.name_key), 'Bench ' || b.name_key, $1, 'bureau_admin', b.id
         FROM (SELECT id, CASE jurisdiction_code WHEN '350000' THEN 'fujian' WHEN '210000' THEN 'liaoning' END AS name_key FROM bureaus) b
        WHERE b.name_key IS NOT NULL`,
      [passwordHash],
    );
    await client.query(`INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench-admin', 'Bench admin', $1, 'system_admin')`, [passwordHash]);
    await client.query(`INSERT INTO users (username, display_name, password_hash, role, bureau_id) SELECT 'bench-ministry', 'Bench ministry', $1, 'ministry_official', id FROM bureaus WHERE level = 'ministry'`, [passwordHash]);
    return 'bureaus (50) and officials (1,000)';
  };
}

/** 30,000 agencies with valid USCCs in the pilot provinces' cities, and 1,000 agency users. */
const agencies: Step = async (client) => {
  const cities = ((await client.query(`SELECT code FROM jurisdictions WHERE level = 'city' AND left(code, 2) = ANY($1) ORDER BY code`, [PILOT_PROVINCES])).rows as { code: string }[]).map((r) => r.code);
  const next = random(2026);
  const types = ['domestic_placement', 'overseas_placement', 'labour_service_cooperation'];
  const columns: string[][] = [[], [], [], [], []];
  for (let i = 0; i < SIZES.agencies; i++) {
    const city = cities[Math.floor(next() * cities.length)];
    columns[0].push(withUsccCheck(`91${city}${String(1_000_000_000 + i).slice(1)}`));
    columns[1].push(`测试人力资源服务有限公司${i}`);
    columns[2].push(`Bench HR Services ${i}`);
    columns[3].push(city);
    columns[4].push(types[Math.floor(next() * 3)]);
  }
  await client.query(
    `INSERT INTO agencies (uscc, name_zh, name_en, legal_representative, address, jurisdiction_code, agency_type, contact_email, created_at)
     SELECT u, zh, en, '张三', '某路1号', code, type, 'office@example.cn', now() - (ord || ' minutes')::interval
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(u, zh, en, code, type, ord)`,
    columns,
  );
  await client.query(
    `INSERT INTO users (username, display_name, password_hash, role, agency_id)
     SELECT 'agency-user-' || n, 'Agency user ' || n, (SELECT password_hash FROM users LIMIT 1), 'agency_user', id
       FROM (SELECT id, row_number() OVER (ORDER BY uscc) AS n FROM agencies) a WHERE n <= $1`,
    [SIZES.users / 2],
  );
  return 'agencies (30,000) and agency users';
};

/** 200,000 licences, about 7 per agency: current ones in every status, and expired history. */
const licences: Step = async (client) => {
  await client.query(
    `WITH numbered AS (SELECT id, jurisdiction_code, row_number() OVER (ORDER BY md5(uscc)) - 1 AS n FROM agencies),
          bureau AS (SELECT id, left(jurisdiction_code, 2) AS prefix FROM bureaus WHERE level = 'province')
     INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, scope, issued_by_bureau_id, status, valid_from, expires_on, term, created_at)
     SELECT left(a.jurisdiction_code, 2) || '0000-' || (2018 + g % 8) || '-' || lpad(g::text, 6, '0'),
            a.id, a.jurisdiction_code,
            (ARRAY['human_resources_service', 'overseas_employment', 'labour_service_cooperation'])[1 + g % 3],
            '{"activities":["overseas_placement"],"destinationCountries":["SG","JP"]}'::jsonb,
            b.id,
            s.status,
            s.expires_on - interval '5 years',
            s.expires_on,
            1 + g % 3,
            now() - (g || ' seconds')::interval
       FROM generate_series(1, $1::int) g
       JOIN numbered a ON a.n = g % $2
       JOIN bureau b ON b.prefix = left(a.jurisdiction_code, 2)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN g % 100 < 60 THEN 'active' WHEN g % 100 < 85 THEN 'expired' WHEN g % 100 < 91 THEN 'suspended'
                     WHEN g % 100 < 96 THEN 'revoked' ELSE 'surrendered' END AS status,
                CASE WHEN g % 100 < 60 THEN current_date + ((g::bigint * 7919) % 1825)::int
                     WHEN g % 100 < 85 THEN current_date - 1 - ((g::bigint * 7919) % 1825)::int
                     ELSE current_date + ((g::bigint * 104729) % 1825)::int - 900 END AS expires_on
       ) s`,
    [SIZES.licences, SIZES.agencies],
  );
  return 'licences (200,000)';
};

if (require.main === module) {
  (async () => {
    const database = await openBenchDatabase();
    try {
      await generate(database.url);
    } finally {
      await database.stop();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
