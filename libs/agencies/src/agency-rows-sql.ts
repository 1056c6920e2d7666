import { EntityManager, MoreThan, SelectQueryBuilder } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { Agency } from './agency.entity';

/**
 * SQL: a derived table of the agency fields other libs' set-based statements read (a job's
 * sweep, an outbox INSERT ... SELECT, a report's totals): id, uscc, jurisdiction_code, name_zh,
 * name_en, agency_type. Used as `FROM ${AGENCY_ROWS_SQL} a` or `JOIN ${AGENCY_ROWS_SQL} a ON
 * a.id = ...`; PostgreSQL pulls the plain subquery up into the caller's plan, so the join keeps
 * its index probes. The table and any column outside this list stay the agencies lib's own.
 */
export const AGENCY_ROWS_SQL = `(SELECT id, uscc, jurisdiction_code, name_zh, name_en, agency_type FROM agencies)`;

/** The ids of the agencies after `afterId` in id order, `limit` of them: a sweep over the register in batches. */
export async function agencyIdsAfter(manager: EntityManager, afterId: string, limit: number): Promise<string[]> {
  const rows = await manager.find(Agency, { select: { id: true }, where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  return rows.map((row) => row.id);
}

/**
 * The agencies in the caller's scope as a query builder aliased `a`, selecting `a.id`, for a
 * statement built on them (a round opened for each, a ranking); it may read the columns of
 * AGENCY_ROWS_SQL.
 */
export function agenciesInScopeQuery(manager: EntityManager, actor: Actor): SelectQueryBuilder<Agency> {
  return applyScope(manager.createQueryBuilder().select('a.id').from(Agency, 'a'), actor, { jurisdiction: 'a.jurisdiction_code', agency: 'a.id' });
}

/**
 * Every agency in the caller's scope (within division prefix `jurisdiction` when given), unpaged,
 * with its names and division: for rankings that need the whole scope (inspection priorities).
 */
export async function agenciesInScope(
  manager: EntityManager,
  actor: Actor,
  jurisdiction?: string,
): Promise<{ id: string; nameZh: string; nameEn: string | null; jurisdictionCode: string }[]> {
  const qb = agenciesInScopeQuery(manager, actor).select(['a.id AS "id"', 'a.name_zh AS "nameZh"', 'a.name_en AS "nameEn"', 'a.jurisdiction_code AS "jurisdictionCode"']);
  if (jurisdiction) qb.andWhere('a.jurisdiction_code LIKE :jurisdiction', { jurisdiction: `${jurisdiction}%` });
  return qb.getRawMany();
}
