import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AGENCY_ROWS_SQL, escapeLike, PUBLIC_REGISTER_CHANNEL } from '@app/agencies';
import { AppConfig, decodeCursor, encodeCursor, Page } from '@app/core';
import { ListenedCache, ReadReplicas } from '@app/database';
import { holdsLicenceNumberSql, licenceNumbersSql } from '@app/licensing';
import { PublicSanction, PublicSanctionQuery } from './cases.dto';
import { publishedSanctionSql } from './public-credit-sql';

/**
 * The public list of sanctions: decided fines, suspensions and revocations not annulled, each
 * with the summary its deciding official wrote for publication (never the case's facts). Answers
 * are cached in memory like public verification: a decision or an annulment NOTIFYs the public
 * register's channel in its transaction, and every process drops its cached lists at commit.
 * While the LISTEN connection is down nothing is cached.
 */
@Injectable()
export class PublicSanctionsService implements OnModuleInit, OnModuleDestroy {
  private readonly cache: ListenedCache<string, Page<PublicSanction>>;

  constructor(
    private readonly replicas: ReadReplicas,
    config: AppConfig,
  ) {
    // Any change of the public register may be a sanction's: the list is small, every notification drops it all.
    this.cache = new ListenedCache({
      url: config.appDatabaseUrl,
      channel: PUBLIC_REGISTER_CHANNEL,
      applicationName: 'agency-registry-sanctions-listener',
      whileDeaf: 'Public sanctions cache off',
      logger: new Logger(PublicSanctionsService.name),
      maxEntries: 5_000,
      ttlMs: 60_000,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  evict(): void {
    this.cache.evict();
  }

  async list(query: PublicSanctionQuery): Promise<Page<PublicSanction>> {
    const key = JSON.stringify([query.province, query.from, query.to, query.q, query.updatedSince, query.limit, query.cursor]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const generation = this.cache.begin();
    // Just changed: a replica may not have the change yet, and its list would be cached past the NOTIFY.
    const value = await this.replicas.read((db) => this.query(db, query), { primary: this.cache.evictedWithin(this.replicas.staleForMs, []) });
    this.cache.set(key, value, generation);
    return value;
  }

  private async query(db: DataSource, query: PublicSanctionQuery): Promise<Page<PublicSanction>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where: string[] = [publishedSanctionSql('c')];
    if (query.province) where.push(`c.jurisdiction_code LIKE $${params.push(`${query.province.slice(0, 2)}%`)}`);
    if (query.from) where.push(`c.effective_on >= $${params.push(query.from)}`);
    if (query.to) where.push(`c.effective_on <= $${params.push(query.to)}`);
    if (query.updatedSince) where.push(`c.updated_at >= $${params.push(query.updatedSince)}::timestamptz`);
    if (query.q) {
      const q = query.q.trim();
      const like = params.push(`%${escapeLike(q)}%`);
      const exact = params.push(q.toUpperCase());
      where.push(`(a.name_zh ILIKE $${like} OR a.name_en ILIKE $${like} OR a.uscc = $${exact} OR ${holdsLicenceNumberSql('a.id', `$${exact}`)})`);
    }
    if (query.cursor) {
      const [decidedAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      where.push(`(c.decided_at, c.id) < ($${params.push(decidedAt)}, $${params.push(id)})`);
    }
    const rows = (await db.query(
      `SELECT c.id, c.decided_at AS "decidedAt", c.case_number AS "caseNumber", coalesce(c.case_number_en, c.case_number) AS "caseNumberEn", a.uscc AS "agencyUscc", a.name_zh AS "agencyNameZh", a.name_en AS "agencyNameEn",
              c.jurisdiction_code AS "jurisdictionCode", c.decided_sanction AS sanction, c.decided_fine_amount AS "fineAmount",
              c.decided_suspension_days AS "suspensionDays", (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "decidedOn",
              c.effective_on::text AS "effectiveOn", c.published_summary_zh AS "summaryZh", c.published_summary_en AS "summaryEn",
              (${licenceNumbersSql('c.sanctioned_licence_ids')}) AS "licenceNumbers"
         FROM enforcement_cases c JOIN ${AGENCY_ROWS_SQL} a ON a.id = c.agency_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.decided_at DESC, c.id DESC LIMIT ${limit + 1}`,
      params,
    )) as (PublicSanction & { id: string; decidedAt: Date; fineAmount: string | null })[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ id: _id, decidedAt: _decidedAt, fineAmount, ...rest }) => ({ ...rest, fineAmount: fineAmount === null ? null : Number(fineAmount) })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.decidedAt.toISOString(), last.id]) : null,
    };
  }
}
