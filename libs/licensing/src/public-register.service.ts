import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike, LicenceStatus, PUBLIC_AGENCIES_SQL, usccProblem } from '@app/agencies';
import { BUREAU_NAMES_SQL } from '@app/jurisdictions';
import { ReadReplicas } from '@app/database';
import { Bilingual, Clock, decodeCursor, encodeCursor, inLanguage, Language, Page, Problems } from '@app/core';
import { creditReasonTexts } from './credit-reasons';
import { AgencySuggestion, DestinationCoverage, LicenceVerification, PublicCreditReason, PublicAgency, PublicAgencyQuery, PublicLicenceSummary } from './licensing.dto';
import { LICENCE_NUMBER_PATTERN, normaliseLicenceKey } from './licence-rules';
import { VerificationCache } from './verification-cache';
import { PublicRegisterSources } from './public-register-sources';

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
  bureau_name_en: string | null;
  credit_grade: PublicAgency['creditGrade'];
  credit_points: number | null;
  credit_reasons: PublicAgency['creditReasons'] | null;
  address: string;
  contact_phone: string | null;
  has_sanctions: boolean;
  ended_on: string | null;
}

/** A look-up's rows, and its answers as JSON text for the day they were made, per language. */
interface Lookup {
  rows: VerificationRow[];
  answers: Partial<Record<Language, { today: string; json: string }>>;
}

const STATUS_EXPLANATIONS: Record<LicenceStatus, Bilingual> = {
  active: { en: 'The licence is in force: the agency may recruit within the scope shown.', zh: '许可证有效：该机构可在所示范围内招聘。' },
  suspended: { en: 'The licence is suspended: the agency may not recruit until it is reinstated.', zh: '许可证已暂停：恢复之前，该机构不得招聘。' },
  revoked: { en: 'The licence was revoked: the agency may not recruit.', zh: '许可证已被吊销：该机构不得招聘。' },
  surrendered: { en: 'The licence was surrendered by the agency: it may not recruit under it.', zh: '许可证已由该机构交回：不得再凭此证招聘。' },
  expired: { en: 'The licence has expired: the agency may not recruit under it.', zh: '许可证已过期：该机构不得再凭此证招聘。' },
};

/** The public explanation of a status, in the reader's language; a suspension with an end date names it. */
function explanationOf(licence: { status: LicenceStatus; suspended_until: string | null }, language: Language): string {
  if (licence.status === 'suspended' && licence.suspended_until) {
    return inLanguage(language, {
      en: `The licence is suspended until ${licence.suspended_until}: the agency may not recruit until it is reinstated.`,
      zh: `许可证暂停至 ${licence.suspended_until}：恢复之前，该机构不得招聘。`,
    });
  }
  return inLanguage(language, STATUS_EXPLANATIONS[licence.status]);
}

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
    private readonly replicas: ReadReplicas,
    private readonly sources: PublicRegisterSources,
  ) {}

  /**
   * By licence number, or by USCC (the agency's licence valid today, else its latest), as the
   * JSON text of a LicenceVerification in the reader's language. The text is kept with the cached
   * look-up for the day it was made for, so a repeated look-up neither queries nor serialises again.
   */
  async verify(numberOrUscc: string, language: Language = 'en', destination?: string): Promise<string> {
    const key = normaliseLicenceKey(numberOrUscc);
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
    const answer = lookup.answers[language];
    let json: string;
    if (answer?.today === today) {
      json = answer.json;
    } else {
      json = JSON.stringify(verification(lookup.rows, today, byNumber, language));
      lookup.answers[language] = { today, json };
    }
    if (!destination) return json;
    const answered = JSON.parse(json) as LicenceVerification;
    return JSON.stringify({ ...answered, destination: coverage(answered, destination.toUpperCase(), language) });
  }

  /** The licences a look-up finds, from the cache when it has them (see VerificationCache). */
  private async lookup(key: string, byNumber: boolean): Promise<Lookup> {
    const cached = this.cache.get<Lookup>(key);
    if (cached) return cached;
    const generation = this.cache.begin();
    // Just changed: a replica may not have the change yet, and its answer would be cached past the NOTIFY.
    const primary = this.cache.evictedWithin(this.replicas.staleForMs, key);
    // The grade and sanctions are enforcement's (a grade change or a decision NOTIFYs the agency's USCC).
    const credit = this.sources.creditSql();
    const rows = (await this.replicas.read((db) => db.query(
      `SELECT l.licence_number, l.status, l.licence_type, l.scope, l.valid_from::text, l.expires_on::text, l.suspended_until::text,
              a.uscc, a.name_zh, a.name_en, a.jurisdiction_code, a.agency_type, b.name AS bureau_name, b.name_en AS bureau_name_en, g.grade AS credit_grade, g.points AS credit_points,
              (SELECT jsonb_agg(jsonb_build_object('points', r->'points', 'reason', r->'reason', 'awardedOn', r->'awardedOn')) FROM jsonb_array_elements(g.reasons) r) AS credit_reasons,
              a.address, a.contact_phone, ${credit.hasSanctions('a.id')} AS has_sanctions,
              (SELECT timezone('Asia/Shanghai', max(e.occurred_at))::date::text FROM licence_events e
                WHERE e.licence_id = l.id AND e.to_status = l.status AND l.status IN ('revoked', 'surrendered')) AS ended_on
         FROM licences l
         JOIN ${PUBLIC_AGENCIES_SQL} a ON a.id = l.agency_id
         JOIN ${BUREAU_NAMES_SQL} b ON b.id = l.issued_by_bureau_id
         LEFT JOIN ${credit.grades} g ON g.agency_id = a.id
        WHERE ${byNumber ? 'l.licence_number = $1' : 'a.uscc = $1'}
        ORDER BY l.expires_on DESC
        LIMIT 20`,
      [key],
    ), { primary })) as VerificationRow[];
    const lookup: Lookup = { rows, answers: {} };
    if (rows.length > 0) this.cache.set(key, lookup, [key, ...rows.map((r) => r.licence_number), rows[0].uscc], generation);
    return lookup;
  }

  /**
   * Up to 8 agencies of the public register whose licence number or USCC starts with the text, or
   * whose name contains it: what the complaint form offers as a person types.
   */
  async suggestions(text: string): Promise<AgencySuggestion[]> {
    const q = text.trim();
    const prefix = `${escapeLike(q.toUpperCase())}%`;
    return (await this.replicas.read((db) => db.query(
      `WITH matches AS (
         SELECT a.id FROM ${PUBLIC_AGENCIES_SQL} a WHERE a.uscc LIKE $1
         UNION SELECT l.agency_id FROM licences l WHERE l.licence_number LIKE $1
         UNION (SELECT a.id FROM ${PUBLIC_AGENCIES_SQL} a WHERE a.name_zh ILIKE $2 OR a.name_en ILIKE $2 LIMIT 50)
       )
       SELECT a.uscc, a.name_zh AS "nameZh", a.name_en AS "nameEn",
              array_agg(l.licence_number ORDER BY l.expires_on DESC, l.licence_number) AS "licenceNumbers"
         FROM matches m
         JOIN ${PUBLIC_AGENCIES_SQL} a ON a.id = m.id
         JOIN licences l ON l.agency_id = a.id
        -- The names too: a derived table's id is no primary key to group by.
        GROUP BY a.id, a.uscc, a.name_zh, a.name_en
        ORDER BY (a.uscc LIKE $1) DESC, a.name_zh, a.id
        LIMIT 8`,
      [prefix, `%${escapeLike(q)}%`],
    ))) as AgencySuggestion[];
  }

  /** The public register: licensed agencies (ever), newest first, with their licences. */
  agencies(query: PublicAgencyQuery): Promise<Page<PublicAgency>> {
    return this.replicas.read((db) => this.agenciesOn(db, query));
  }

  private async agenciesOn(db: DataSource, query: PublicAgencyQuery): Promise<Page<PublicAgency>> {
    const limit = query.limit ?? 50;
    const credit = this.sources.creditSql();
    const params: unknown[] = [];
    const where = [`EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id${query.status ? ` AND l.status = $${params.push(query.status)}` : ''})`];
    if (query.q) {
      const p = params.push(`%${escapeLike(query.q)}%`);
      where.push(`(a.name_zh ILIKE $${p} OR a.name_en ILIKE $${p} OR a.uscc = upper($${params.push(query.q.trim())}))`);
    }
    if (query.province) where.push(`a.jurisdiction_code LIKE $${params.push(`${query.province.slice(0, 2)}%`)}`);
    if (query.updatedSince) {
      // Each branch is one index range scan; a grade counts from the day it was given (China time).
      const p = params.push(query.updatedSince);
      where.push(`a.id IN (SELECT ua.id FROM ${PUBLIC_AGENCIES_SQL} ua WHERE ua.updated_at >= $${p}::timestamptz
                            UNION SELECT agency_id FROM licences WHERE updated_at >= $${p}::timestamptz
                            UNION SELECT ug.agency_id FROM ${credit.grades} ug WHERE ug.grade_since >= ($${p}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`);
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      where.push(`(a.created_at, a.id) < ($${params.push(createdAt)}, $${params.push(id)})`);
    }
    const agencies = (await db.query(
      `SELECT a.id, a.uscc, a.name_zh AS "nameZh", a.name_en AS "nameEn", a.jurisdiction_code AS "jurisdictionCode",
              a.agency_type AS "agencyType", g.grade AS "creditGrade", g.points AS "creditPoints", ${credit.hasSanctions('a.id')} AS "hasSanctions",
              coalesce((SELECT jsonb_agg(jsonb_build_object('points', r->'points', 'reason', r->'reason', 'awardedOn', r->'awardedOn')) FROM jsonb_array_elements(g.reasons) r), '[]') AS "creditReasons",
              a.created_at AS "createdAt"
         FROM ${PUBLIC_AGENCIES_SQL} a LEFT JOIN ${credit.grades} g ON g.agency_id = a.id WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit + 1}`,
      params,
    )) as (Omit<PublicAgency, 'licences'> & { id: string; createdAt: Date })[];
    const page = agencies.slice(0, limit);
    const licences = page.length
      ? ((await db.query(
          `SELECT agency_id, licence_number, licence_type, status, expires_on::text FROM licences WHERE agency_id = ANY($1::uuid[]) ORDER BY expires_on DESC`,
          [page.map((a) => a.id)],
        )) as (Omit<VerificationRow, 'scope'> & { agency_id: string })[])
      : [];
    const last = page.at(-1);
    return {
      items: page.map(({ id, createdAt: _createdAt, ...agency }) => ({ ...agency, creditReasons: agency.creditReasons.map((r) => bilingualReason(r)), licences: licences.filter((l) => l.agency_id === id).map(summary) })),
      nextCursor: agencies.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }
}

function verification(rows: VerificationRow[], today: string, byNumber: boolean, language: Language): LicenceVerification {
  const [best, ...others] = [...rows].sort((a, b) => Number(isValid(b, today)) - Number(isValid(a, today)) || b.expires_on.localeCompare(a.expires_on));
  return {
    valid: isValid(best, today),
    licenceNumber: best.licence_number,
    status: best.status,
    explanation: explanationOf(best, language),
    agency: {
      uscc: best.uscc,
      nameZh: best.name_zh,
      nameEn: best.name_en,
      jurisdictionCode: best.jurisdiction_code,
      agencyType: best.agency_type,
      creditGrade: best.credit_grade ?? null,
      creditPoints: best.credit_points ?? null,
      creditReasons: (best.credit_reasons ?? []).map((r) => bilingualReason(r, language)),
      hasSanctions: best.has_sanctions,
    },
    licenceType: best.licence_type,
    scope: best.scope,
    validFrom: best.valid_from,
    expiresOn: best.expires_on,
    suspendedUntil: best.suspended_until,
    revokedOn: best.status === 'revoked' ? best.ended_on : null,
    surrenderedOn: best.status === 'surrendered' ? best.ended_on : null,
    expiredOn: best.status === 'expired' || (best.status === 'active' && best.expires_on < today) ? best.expires_on : null,
    registeredAddress: best.address,
    registeredPhone: best.contact_phone,
    issuingBureau: language === 'en' ? (best.bureau_name_en ?? best.bureau_name) : best.bureau_name,
    checkedOn: today,
    ...(byNumber ? {} : { otherLicences: others.map(summary) }),
  };
}

/** A credit reason with its text in both languages (and in the reader's, when known). */
function bilingualReason(reason: Pick<PublicCreditReason, 'points' | 'reason' | 'awardedOn'>, language?: Language): PublicCreditReason {
  const texts = creditReasonTexts(reason.reason);
  return { ...reason, reason: language ? inLanguage(language, texts) : reason.reason, reasonZh: texts.zh, reasonEn: texts.en };
}

/** Whether the licence, valid today, may place workers in the country. */
function coverage(answer: LicenceVerification, country: string, language: Language): DestinationCoverage {
  const name = new Intl.DisplayNames([language === 'zh-CN' ? 'zh-Hans' : 'en'], { type: 'region', fallback: 'code' }).of(country) ?? country;
  const listed = answer.scope.destinationCountries.includes(country);
  const covered = answer.valid && listed;
  const explanation = covered
    ? inLanguage(language, { en: `Covers ${name}: this licence allows placing workers there.`, zh: `包括${name}：此许可证允许向该国派遣劳务人员。` })
    : !answer.valid
      ? inLanguage(language, { en: `Not valid today, so it covers no country: do not sign.`, zh: `此许可证今日无效，不能派往任何国家——不要签约。` })
      : inLanguage(language, { en: `Does not include ${name}: do not sign.`, zh: `不包括${name}——不要签约。` });
  return { country, covered, explanation };
}

function isValid(row: VerificationRow, today: string): boolean {
  return row.status === 'active' && row.valid_from <= today && row.expires_on >= today;
}

function summary(row: Pick<VerificationRow, 'licence_number' | 'licence_type' | 'status' | 'expires_on'>): PublicLicenceSummary {
  return { licenceNumber: row.licence_number, licenceType: row.licence_type, status: row.status, expiresOn: row.expires_on };
}
