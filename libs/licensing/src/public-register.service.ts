import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike, LicenceStatus, usccProblem } from '@app/agencies';
import { Clock, decodeCursor, encodeCursor, Page, Problems } from '@app/core';
import { LicenceVerification, PublicAgency, PublicAgencyQuery, PublicLicenceSummary } from './licensing.dto';
import { LICENCE_NUMBER_PATTERN } from './licence-rules';
import { VerificationCache } from './verification-cache';

interface VerificationRow {
  licence_number: string;
  status: LicenceStatus;
  licence_type: PublicLicenceSummary['licenceType'];
  scope: LicenceVerification['scope'];
  valid_from: string;
  expires_on: string;
  suspended_until: string | null;
  uscc: string;
  name_zh: string;
  name_en: string | null;
  jurisdiction_code: string;
  agency_type: string;
  bureau_name: string;
}

/** A look-up's rows, and its answer as JSON text for the day it was made. */
interface Lookup {
  rows: VerificationRow[];
  answer?: { today: string; json: string };
}

const STATUS_EXPLANATIONS: Record<LicenceStatus, string> = {
  active: 'The licence is in force: the agency may recruit within the scope shown.',
  suspended: 'The licence is suspended: the agency may not recruit until it is reinstated.',
  revoked: 'The licence was revoked: the agency may not recruit.',
  surrendered: 'The licence was surrendered by the agency: it may not recruit under it.',
  expired: 'The licence has expired: the agency may not recruit under it.',
};

/**
 * What the public may know about licences: whether an agency may recruit now, and the public
 * register. Only public fields are selected; contacts, risk and case data never are.
 */
@Injectable()
export class PublicRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cache: VerificationCache,
  ) {}

  /**
   * By licence number, or by USCC (the agency's licence valid today, else its latest), as the
   * JSON text of a LicenceVerification. The text is kept with the cached look-up for the day it
   * was made for, so a repeated look-up neither queries nor serialises again.
   */
  async verify(numberOrUscc: string): Promise<string> {
    const key = numberOrUscc.trim().toUpperCase();
    const byNumber = LICENCE_NUMBER_PATTERN.test(key);
    if (!byNumber && usccProblem(key) !== null) {
      throw Problems.notFound('Licence', `${numberOrUscc} (neither a licence number like 350000-2026-000001 nor a unified social credit code)`);
    }
    const lookup = await this.lookup(key, byNumber);
    if (lookup.rows.length === 0) {
      throw Problems.notFound('Licence', byNumber ? key : `for unified social credit code ${key}`);
    }
    // Validity depends on today, so the answer is remade when the date changes.
    const today = this.clock.today();
    if (lookup.answer?.today !== today) lookup.answer = { today, json: JSON.stringify(verification(lookup.rows, today, byNumber)) };
    return lookup.answer.json;
  }

  /** The licences a look-up finds, from the cache when it has them (see VerificationCache). */
  private async lookup(key: string, byNumber: boolean): Promise<Lookup> {
    const cached = this.cache.get<Lookup>(key);
    if (cached) return cached;
    const generation = this.cache.begin();
    const rows = (await this.dataSource.query(
      `SELECT l.licence_number, l.status, l.licence_type, l.scope, l.valid_from::text, l.expires_on::text, l.suspended_until::text,
              a.uscc, a.name_zh, a.name_en, a.jurisdiction_code, a.agency_type, b.name AS bureau_name
         FROM licences l
         JOIN agencies a ON a.id = l.agency_id
         JOIN bureaus b ON b.id = l.issued_by_bureau_id
        WHERE ${byNumber ? 'l.licence_number = $1' : 'a.uscc = $1'}
        ORDER BY l.expires_on DESC
        LIMIT 20`,
      [key],
    )) as VerificationRow[];
    const lookup: Lookup = { rows };
    if (rows.length > 0) this.cache.set(key, lookup, [key, ...rows.map((r) => r.licence_number), rows[0].uscc], generation);
    return lookup;
  }

  /** The public register: licensed agencies (ever), newest first, with their licences. */
  async agencies(query: PublicAgencyQuery): Promise<Page<PublicAgency>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where = [`EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id${query.status ? ` AND l.status = $${params.push(query.status)}` : ''})`];
    if (query.q) {
      const p = params.push(`%${escapeLike(query.q)}%`);
      where.push(`(a.name_zh ILIKE $${p} OR a.name_en ILIKE $${p} OR a.uscc = upper($${params.push(query.q.trim())}))`);
    }
    if (query.province) where.push(`a.jurisdiction_code LIKE $${params.push(`${query.province.slice(0, 2)}%`)}`);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      where.push(`(a.created_at, a.id) < ($${params.push(createdAt)}, $${params.push(id)})`);
    }
    const agencies = (await this.dataSource.query(
      `SELECT a.id, a.uscc, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.jurisdiction_code AS "jurisdictionCode",
              a.agency_type AS "agencyType", a.created_at AS "createdAt"
         FROM agencies a WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit + 1}`,
      params,
    )) as (Omit<PublicAgency, 'licences'> & { id: string; createdAt: Date })[];
    const page = agencies.slice(0, limit);
    const licences = page.length
      ? ((await this.dataSource.query(
          `SELECT agency_id, licence_number, licence_type, status, expires_on::text FROM licences WHERE agency_id = ANY($1::uuid[]) ORDER BY expires_on DESC`,
          [page.map((a) => a.id)],
        )) as (Omit<VerificationRow, 'scope'> & { agency_id: string })[])
      : [];
    const last = page.at(-1);
    return {
      items: page.map(({ id, createdAt: _createdAt, ...agency }) => ({ ...agency, licences: licences.filter((l) => l.agency_id === id).map(summary) })),
      nextCursor: agencies.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }
}

function verification(rows: VerificationRow[], today: string, byNumber: boolean): LicenceVerification {
  const [best, ...others] = [...rows].sort((a, b) => Number(isValid(b, today)) - Number(isValid(a, today)) || b.expires_on.localeCompare(a.expires_on));
  return {
    valid: isValid(best, today),
    licenceNumber: best.licence_number,
    status: best.status,
    explanation: STATUS_EXPLANATIONS[best.status],
    agency: { uscc: best.uscc, nameZh: best.name_zh, nameEn: best.name_en, jurisdictionCode: best.jurisdiction_code, agencyType: best.agency_type },
    licenceType: best.licence_type,
    scope: best.scope,
    validFrom: best.valid_from,
    expiresOn: best.expires_on,
    suspendedUntil: best.suspended_until,
    issuingBureau: best.bureau_name,
    checkedOn: today,
    ...(byNumber ? {} : { otherLicences: others.map(summary) }),
  };
}

function isValid(row: VerificationRow, today: string): boolean {
  return row.status === 'active' && row.valid_from <= today && row.expires_on >= today;
}

function summary(row: Pick<VerificationRow, 'licence_number' | 'licence_type' | 'status' | 'expires_on'>): PublicLicenceSummary {
  return { licenceNumber: row.licence_number, licenceType: row.licence_type, status: row.status, expiresOn: row.expires_on };
}
