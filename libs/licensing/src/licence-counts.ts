import { DataSource } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { LICENCE_SCOPE } from './licences.service';

/**
 * Aggregates over licences for read models (the overview report), in the actor's jurisdiction, on
 * the database they read from (a replica): one grouped query each.
 */

/** Licences by province (its code, e.g. 350000) and status. */
export async function licenceCountsByStatusAndProvince(db: DataSource, actor: Actor): Promise<{ province: string; status: string; licences: number }[]> {
  const qb = db
    .createQueryBuilder()
    .from('licences', 'l')
    .select(`substr(l.jurisdiction_code, 1, 2) || '0000'`, 'province')
    .addSelect('l.status', 'status')
    .addSelect('count(*)', 'licences')
    .groupBy('1, 2')
    .orderBy('1')
    .addOrderBy('2');
  applyScope(qb, actor, LICENCE_SCOPE);
  const rows = (await qb.getRawMany()) as { province: string; status: string; licences: string }[];
  return rows.map((r) => ({ province: r.province, status: r.status, licences: Number(r.licences) }));
}

/**
 * The agencies holding an active licence (`of`), and how many of them meet `condition`: a SQL
 * condition on the agency id expression it is given (another lib's fragment), with its parameters;
 * without one, `count` is 0.
 */
export async function activeLicenceAgencyCoverage(
  db: DataSource,
  actor: Actor,
  condition?: { sql: (agencyIdSql: string) => string; parameters: Record<string, unknown> },
): Promise<{ of: number; count: number }> {
  const qb = db
    .createQueryBuilder()
    .from('licences', 'l')
    .select('count(DISTINCT l.agency_id)', 'of')
    .where(`l.status = 'active'`);
  applyScope(qb, actor, LICENCE_SCOPE);
  if (condition) qb.addSelect(`count(DISTINCT l.agency_id) FILTER (WHERE ${condition.sql('l.agency_id')})`, 'count').setParameters(condition.parameters);
  else qb.addSelect('0', 'count');
  const row = (await qb.getRawOne()) as { of: string; count: string };
  return { of: Number(row.of), count: Number(row.count) };
}
