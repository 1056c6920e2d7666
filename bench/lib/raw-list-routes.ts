import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSecretKey } from 'node:crypto';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';
import { businessDateOf, RawSlaMoment, slaMoments } from './raw-calendar';
import { preparedText } from './raw-sql';

/**
 * The benchmarked signed-in lists, done by hand: the token verified, the caller's jurisdiction
 * and the filters in the WHERE clause, the keyset order and LIMIT of the API's queries (the
 * columns its entities select), and the same JSON, including the next cursor.
 */
interface Claims {
  role: string;
  agencyId: string | null;
  scope: string | null;
}

type Query = Record<string, string | undefined>;

interface ListSpec {
  path: string;
  table: string;
  alias: string;
  /** Columns as the API's entity selects them, aliased to its JSON names. */
  columns: string;
  /** The joins that give the names the API shows beside ids (its ViewJoins). */
  joins?: string;
  scope: { jurisdiction: string; agency: string };
  sortColumn: string;
  filters: (query: Query, add: (sql: (p: string) => string, value: unknown) => void) => void;
  toJson?: (row: Record<string, unknown>, moment: RawSlaMoment) => unknown;
}

const numeric = (value: unknown) => (value === null ? null : Number(value));
const OPEN_STATUSES = ['received', 'triaged', 'investigating', 'reopened'];

const LISTS: ListSpec[] = [
  {
    path: '/api/licences',
    table: 'licences',
    alias: 'l',
    columns: `l.id, l.licence_number AS "licenceNumber", l.agency_id AS "agencyId", l.jurisdiction_code AS "jurisdictionCode", l.licence_type AS "licenceType",
              l.scope, l.issued_by_bureau_id AS "issuedByBureauId", l.status, l.valid_from::text AS "validFrom", l.expires_on::text AS "expiresOn", l.term,
              l.suspended_until::text AS "suspendedUntil", l.conditions, l.reserve_fund_amount AS "reserveFundAmount", l.created_at AS "createdAt",
              l.updated_at AS "updatedAt", l.version,
              view_agency.name_zh AS "agencyNameZh", view_agency.name_en AS "agencyNameEn", view_issuer.name AS "issuedByBureauName"`,
    joins: `LEFT JOIN agencies view_agency ON view_agency.id = l.agency_id LEFT JOIN bureaus view_issuer ON view_issuer.id = l.issued_by_bureau_id`,
    scope: { jurisdiction: 'l.jurisdiction_code', agency: 'l.agency_id' },
    sortColumn: 'l.created_at',
    filters: (q, add) => {
      if (q.status) add((p) => `l.status = ${p}`, q.status);
      if (q.expiringBefore) add((p) => `l.expires_on <= ${p}`, q.expiringBefore);
    },
    toJson: (row) => ({ ...row, reserveFundAmount: numeric(row.reserveFundAmount) }),
  },
  {
    path: '/api/agencies',
    table: 'agencies',
    alias: 'a',
    columns: `a.id, a.uscc, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.legal_representative AS "legalRepresentative", a.address,
              a.jurisdiction_code AS "jurisdictionCode", a.agency_type AS "agencyType", a.contact_name AS "contactName", a.contact_phone AS "contactPhone",
              a.contact_email AS "contactEmail", a.risk_score AS "riskScore", a.risk_factors AS "riskFactors", a.risk_computed_at AS "riskComputedAt",
              a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.version`,
    scope: { jurisdiction: 'a.jurisdiction_code', agency: 'a.id' },
    sortColumn: 'a.created_at',
    filters: (q, add) => {
      if (q.name) add((p) => `(a.name_zh ILIKE ${p} OR a.name_en ILIKE ${p})`, `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    },
    toJson: (row) => ({ ...row, riskScore: numeric(row.riskScore) }),
  },
  {
    path: '/api/complaints',
    table: 'complaints',
    alias: 'c',
    columns: `c.id, c.tracking_code, c.channel, c.received_at, c.agency_id,
              c.agency_name_given, c.licence_number_given, c.jurisdiction_code, c.categories, c.description, c.destination_country,
              c.amount_claimed, c.severity, c.status, c.assigned_bureau_id, c.assignee_id, c.ack_due_at, c.resolve_due_at, c.acknowledged_at,
              c.resolved_at, c.extended_at, c.sla_breached, c.outcome, c.inspection_id, c.version,
              view_agency.name_zh AS agency_name_zh, view_agency.name_en AS agency_name_en,
              (SELECT array_agg(view_licence.licence_number ORDER BY view_licence.licence_number) FROM licences view_licence
                WHERE view_licence.agency_id = c.agency_id AND view_licence.status IN ('active', 'suspended')) AS licence_numbers,
              view_assigned_bureau.name AS assigned_bureau_name, view_assignee.display_name AS assignee_name`,
    joins: `LEFT JOIN agencies view_agency ON view_agency.id = c.agency_id
            LEFT JOIN bureaus view_assigned_bureau ON view_assigned_bureau.id = c.assigned_bureau_id
            LEFT JOIN users view_assignee ON view_assignee.id = c.assignee_id`,
    scope: { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' },
    sortColumn: 'c.received_at',
    filters: (q, add) => {
      if (q.status) add((p) => `c.status = ${p}`, q.status);
      if (q.category) add((p) => `c.categories @> ARRAY[${p}]::text[]`, q.category);
      if (q.severity) add((p) => `c.severity = ${p}`, q.severity);
    },
    toJson: (c, moment) => complaintJson(c, moment),
  },
];

function complaintJson(c: Record<string, unknown>, { now, dueSoonUntil }: RawSlaMoment): unknown {
  const open = OPEN_STATUSES.includes(c.status as string);
  const ackDue = c.ack_due_at as Date;
  const resolveDue = c.resolve_due_at as Date;
  const overdue = open && ((!c.acknowledged_at && ackDue < now) || resolveDue < now);
  const nextDueAt = !open ? null : !c.acknowledged_at && ackDue < resolveDue ? ackDue : resolveDue;
  const slaStatus = nextDueAt === null ? 'stopped' : overdue ? 'breached' : businessDateOf(nextDueAt) <= dueSoonUntil ? 'due_soon' : 'on_track';
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    channel: c.channel,
    receivedAt: c.received_at,
    complainantName: null,
    complainantContact: null,
    complainantVisible: false,
    agencyId: c.agency_id,
    agencyNameZh: c.agency_name_zh,
    agencyNameEn: c.agency_name_en,
    licenceNumbers: c.licence_numbers ?? [],
    agencyNameGiven: c.agency_name_given,
    licenceNumberGiven: c.licence_number_given,
    jurisdictionCode: c.jurisdiction_code,
    categories: c.categories,
    description: c.description,
    destinationCountry: c.destination_country,
    amountClaimed: numeric(c.amount_claimed),
    severity: c.severity,
    status: c.status,
    assignedBureauId: c.assigned_bureau_id,
    assignedBureauName: c.assigned_bureau_name,
    assigneeId: c.assignee_id,
    assigneeName: c.assignee_name,
    ackDueAt: c.ack_due_at,
    resolveDueAt: c.resolve_due_at,
    acknowledgedAt: c.acknowledged_at,
    resolvedAt: c.resolved_at,
    extendedAt: c.extended_at,
    slaBreached: c.sla_breached,
    overdue,
    nextDueAt,
    slaStatus,
    outcome: c.outcome,
    inspectionId: c.inspection_id,
    version: c.version,
  };
}

export function registerListRoutes(app: FastifyInstance, pool: Pool, jwtSecret: string): void {
  const key = createSecretKey(Buffer.from(jwtSecret));
  const claimsOf = (request: FastifyRequest): Claims | undefined => {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return undefined;
    try {
      return verify(header.slice(7), key, { algorithms: ['HS256'], issuer: 'agency-registry', audience: 'agency-registry-api' }) as Claims;
    } catch {
      return undefined;
    }
  };
  const slaMoment = slaMoments(pool);
  for (const list of LISTS) {
    app.get(list.path, async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
      const claims = claimsOf(request);
      if (!claims) return reply.status(401).header('content-type', 'application/problem+json').send({ type: 'unauthorized', title: 'Unauthorized', status: 401 });
      const values: unknown[] = [];
      const where: string[] = [];
      const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${values.push(value)}`));
      if (claims.role === 'agency_user') add((p) => `${list.scope.agency} = ${p}`, claims.agencyId);
      else if (claims.scope) add((p) => `${list.scope.jurisdiction} LIKE ${p}`, `${claims.scope}%`);
      else if (claims.scope === null) where.push('false');
      list.filters(request.query, add);
      const limit = Math.min(200, Number(request.query.limit ?? 50));
      const { rows } = await pool.query(
        preparedText(
          `SELECT ${list.columns} FROM ${list.table} ${list.alias} ${list.joins ?? ''}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
            ORDER BY ${list.sortColumn} DESC, ${list.alias}.id DESC LIMIT ${limit + 1}`,
          values,
        ),
      );
      const page = rows.slice(0, limit);
      const moment = await slaMoment();
      const last = page.at(-1) as Record<string, unknown> | undefined;
      const sortKey = list.sortColumn.endsWith('received_at') ? 'received_at' : 'createdAt';
      return {
        items: list.toJson ? page.map((row) => list.toJson?.(row, moment)) : page,
        nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([(last[sortKey] as Date).toISOString(), last.id])).toString('base64url') : null,
      };
    });
  }
}
