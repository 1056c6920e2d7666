import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike, PUBLIC_REGISTER_CHANNEL } from '@app/agencies';
import { AppConfig, decodeCursor, encodeCursor, Page } from '@app/core';
import { NotificationListener } from '@app/database';
import { PublicSanction, PublicSanctionQuery } from './cases.dto';

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * The public list of sanctions: decided fines, suspensions and revocations not annulled. Answers
 * are cached in memory like public verification: a decision or an annulment NOTIFYs the public
 * register's channel in its transaction, and every process drops its cached lists at commit.
 * While the LISTEN connection is down nothing is cached.
 */
@Injectable()
export class PublicSanctionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PublicSanctionsService.name);
  private readonly entries = new Map<string, { value: Page<PublicSanction>; storedAt: number }>();
  private generation = 0;
  private readonly listener: NotificationListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.listener = new NotificationListener({
      url: config.appDatabaseUrl,
      channel: PUBLIC_REGISTER_CHANNEL,
      applicationName: 'agency-registry-sanctions-listener',
      whileDeaf: 'Public sanctions cache off',
      logger: this.logger,
      // Any change of the public register may be a sanction's: the list is small, drop it all.
      onMessage: () => this.evict(),
      onGapInHearing: () => this.evict(),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.close();
  }

  evict(): void {
    this.generation += 1;
    this.entries.clear();
  }

  async list(query: PublicSanctionQuery): Promise<Page<PublicSanction>> {
    const key = JSON.stringify([query.province, query.from, query.to, query.q, query.limit, query.cursor]);
    const cached = this.listener.hearing ? this.entries.get(key) : undefined;
    if (cached && Date.now() - cached.storedAt <= TTL_MS) return cached.value;
    const generation = this.generation;
    const value = await this.query(query);
    if (this.listener.hearing && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, storedAt: Date.now() });
    }
    return value;
  }

  private async query(query: PublicSanctionQuery): Promise<Page<PublicSanction>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [];
    const where = [`c.decided_sanction IN ('fine', 'suspension', 'revocation')`, `c.appeal_outcome IS DISTINCT FROM 'annulled'`];
    if (query.province) where.push(`c.jurisdiction_code LIKE $${params.push(`${query.province.slice(0, 2)}%`)}`);
    if (query.from) where.push(`c.effective_on >= $${params.push(query.from)}`);
    if (query.to) where.push(`c.effective_on <= $${params.push(query.to)}`);
    if (query.q) {
      const q = query.q.trim();
      const like = params.push(`%${escapeLike(q)}%`);
      const exact = params.push(q.toUpperCase());
      where.push(`(a.name_zh ILIKE $${like} OR a.name_en ILIKE $${like} OR a.uscc = $${exact} OR EXISTS (SELECT 1 FROM licences l WHERE l.agency_id = a.id AND l.licence_number = $${exact}))`);
    }
    if (query.cursor) {
      const [decidedAt, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      where.push(`(c.decided_at, c.id) < ($${params.push(decidedAt)}, $${params.push(id)})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.decided_at AS "decidedAt", c.case_number AS "caseNumber", a.uscc AS "agencyUscc", a.name_zh AS "agencyNameZh", a.name_en AS "agencyNameEn",
              c.jurisdiction_code AS "jurisdictionCode", c.decided_sanction AS sanction, c.decided_fine_amount AS "fineAmount",
              c.decided_suspension_days AS "suspensionDays", (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "decidedOn",
              c.effective_on::text AS "effectiveOn", c.legal_basis AS "legalBasis", left(c.facts, 500) AS facts,
              coalesce((SELECT array_agg(l.licence_number ORDER BY l.licence_number) FROM licences l WHERE l.id = ANY(c.sanctioned_licence_ids)), '{}') AS "licenceNumbers"
         FROM enforcement_cases c JOIN agencies a ON a.id = c.agency_id
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
