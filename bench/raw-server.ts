/**
 * The baseline for public verification: the least a Node server can do to answer the same
 * look-up from the same tables (Fastify + pg, one query, no framework), i.e. this machine's limit.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

app.get<{ Params: { number: string } }>('/public/licences/:number', async (request, reply) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const { rows } = await pool.query(
    `SELECT l.licence_number, l.status, l.licence_type, l.scope, l.valid_from::text, l.expires_on::text, l.suspended_until::text,
            a.uscc, a.name_zh, a.name_en, a.jurisdiction_code, a.agency_type, b.name AS bureau_name
       FROM licences l JOIN agencies a ON a.id = l.agency_id JOIN bureaus b ON b.id = l.issued_by_bureau_id
      WHERE l.licence_number = $1`,
    [request.params.number],
  );
  const row = rows[0];
  if (!row) return reply.status(404).send({ status: 404, title: 'Not Found' });
  return {
    valid: row.status === 'active' && row.valid_from <= today && row.expires_on >= today,
    licenceNumber: row.licence_number,
    status: row.status,
    agency: { uscc: row.uscc, nameZh: row.name_zh, nameEn: row.name_en, jurisdictionCode: row.jurisdiction_code },
    licenceType: row.licence_type,
    scope: row.scope,
    validFrom: row.valid_from,
    expiresOn: row.expires_on,
    issuingBureau: row.bureau_name,
    checkedOn: today,
  };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('raw server ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
