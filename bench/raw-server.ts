/**
 * The baseline of `npm run bench`: the least a careful engineer would write to answer the same
 * requests from the same tables with Fastify and pg alone. Same SQL, same JSON as the API; a
 * cached date formatter, named prepared statements, a verified JWT for the signed-in lists, and
 * no framework, validation library, logger, rate limiter or cache. It serves the API's paths.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { registerListRoutes } from './lib/raw-list-routes';
import { prepared } from './lib/raw-sql';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const LICENCE_NUMBER = /^\d{6}-\d{4}-\d{6}$/;

const EXPLANATIONS: Record<string, string> = {
  active: 'The licence is in force: the agency may recruit within the scope shown.',
  suspended: 'The licence is suspended: the agency may not recruit until it is reinstated.',
  revoked: 'The licence was revoked: the agency may not recruit.',
  surrendered: 'The licence was surrendered by the agency: it may not recruit under it.',
  expired: 'The licence has expired: the agency may not recruit under it.',
};

const VERIFY = prepared(
  'verify-by-number',
  `SELECT l.licence_number, l.status, l.licence_type, l.scope, l.valid_from::text, l.expires_on::text, l.suspended_until::text,
          a.uscc, a.name_zh, a.name_en, a.jurisdiction_code, a.agency_type, b.name AS bureau_name, g.grade AS credit_grade, g.points AS credit_points,
          (SELECT jsonb_agg(jsonb_build_object('points', r->'points', 'reason', r->'reason', 'awardedOn', r->'awardedOn')) FROM jsonb_array_elements(g.reasons) r) AS credit_reasons
     FROM licences l
     JOIN agencies a ON a.id = l.agency_id
     JOIN bureaus b ON b.id = l.issued_by_bureau_id
     LEFT JOIN agency_credit_grades g ON g.agency_id = a.id
    WHERE l.licence_number = $1
    ORDER BY l.expires_on DESC
    LIMIT 20`,
);

app.get<{ Params: { number: string } }>('/api/public/licences/:number', async (request, reply) => {
  const key = request.params.number.trim().toUpperCase();
  const notFound = () => reply.status(404).header('content-type', 'application/problem+json').send({ type: 'not-found', title: 'Not Found', status: 404, detail: `Licence ${key} was not found` });
  if (!LICENCE_NUMBER.test(key)) return notFound();
  const { rows } = await pool.query(VERIFY([key]));
  const row = rows[0];
  if (!row) return notFound();
  const date = today.format(new Date());
  void reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=30');
  return {
    valid: row.status === 'active' && row.valid_from <= date && row.expires_on >= date,
    licenceNumber: row.licence_number,
    status: row.status,
    explanation: EXPLANATIONS[row.status],
    agency: {
      uscc: row.uscc,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      jurisdictionCode: row.jurisdiction_code,
      agencyType: row.agency_type,
      creditGrade: row.credit_grade,
      creditPoints: row.credit_points,
      creditReasons: row.credit_reasons ?? [],
    },
    licenceType: row.licence_type,
    scope: row.scope,
    validFrom: row.valid_from,
    expiresOn: row.expires_on,
    suspendedUntil: row.suspended_until,
    issuingBureau: row.bureau_name,
    checkedOn: date,
  };
});

registerListRoutes(app, pool, process.env.JWT_SECRET as string);

app.get('/health/ready', async () => ({ status: 'ok' }));

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('raw server ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
