import { DataSource } from 'typeorm';
import { Actor, applyScope } from '@app/access';
import { publishedSanctionSql } from './public-credit-sql';

/** Published sanctions effective in a period in one province, by kind. */
export interface ProvinceSanctionCounts {
  province: string;
  fine: number;
  suspension: number;
  revocation: number;
}

/**
 * Published sanctions (as on the public list) effective from `from` to `to`, by province, in the
 * actor's jurisdiction: one grouped query over the public list's partial index, however many there
 * are. For read models (the overview report), on the database they read from.
 */
export async function sanctionCountsByProvince(db: DataSource, actor: Actor, from: string, to: string): Promise<ProvinceSanctionCounts[]> {
  const qb = db
    .createQueryBuilder()
    .from('enforcement_cases', 'c')
    .select(`substr(c.jurisdiction_code, 1, 2) || '0000'`, 'province')
    .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'fine')::int`, 'fine')
    .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'suspension')::int`, 'suspension')
    .addSelect(`count(*) FILTER (WHERE c.decided_sanction = 'revocation')::int`, 'revocation')
    .where(publishedSanctionSql('c'))
    .andWhere('c.effective_on BETWEEN :from AND :to', { from, to })
    .groupBy('1')
    .orderBy('1');
  applyScope(qb, actor, { jurisdiction: 'c.jurisdiction_code', agency: 'c.agency_id' });
  return (await qb.getRawMany()) as ProvinceSanctionCounts[];
}
