import { EntityManager, In } from 'typeorm';
import { joinColumns, ViewJoins } from '@app/core';
import { BureauLevel } from './bureau.entity';
import { Jurisdiction } from './jurisdiction.entity';

/**
 * A bureau's name beside the bureau id in `bureauIdColumn`, joined into a list's one query (primary
 * key: one index probe per row), under `key`. `V` is `string` when the column is NOT NULL.
 */
export function bureauName<K extends string, V extends string | null = string | null>(bureauIdColumn: string, alias: string, key: K): ViewJoins<Record<K, V>> {
  return joinColumns<K, V>('bureaus', alias, `${alias}.id = ${bureauIdColumn}`, { [key]: 'name' } as Record<K, string>);
}

/** The divisions' names by code (of one level when given; others are left out), in one query by primary key. */
export async function jurisdictionNamesOf(manager: EntityManager, codes: string[], level?: Jurisdiction['level']): Promise<Map<string, { zh: string; en: string }>> {
  const rows = codes.length === 0 ? [] : await manager.findBy(Jurisdiction, { code: In(codes), ...(level ? { level } : {}) });
  return new Map(rows.map((j) => [j.code, { zh: j.nameZh, en: j.nameEn }]));
}

/** Each bureau's level and the names of its division (null for the ministry), in one query by primary key. */
export async function bureauDivisionsOf(
  manager: EntityManager,
  bureauIds: string[],
): Promise<Map<string, { level: BureauLevel; divisionZh: string | null; divisionEn: string | null }>> {
  if (bureauIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT b.id, b.level, j.name_zh, j.name_en FROM bureaus b LEFT JOIN jurisdictions j ON j.code = b.jurisdiction_code WHERE b.id = ANY($1::uuid[])`,
    [bureauIds],
  )) as { id: string; level: BureauLevel; name_zh: string | null; name_en: string | null }[];
  return new Map(rows.map((r) => [r.id, { level: r.level, divisionZh: r.name_zh, divisionEn: r.name_en }]));
}

/** LEFT JOINs a division's names, by its code, into another domain's list (its exports name divisions, not codes). */
export function divisionNames<Z extends string, E extends string>(codeColumn: string, alias: string, zhKey: Z, enKey: E): ViewJoins<Record<Z | E, string | null>> {
  return joinColumns<Z | E>('jurisdictions', alias, `${alias}.code = ${codeColumn}`, { [zhKey]: 'name_zh', [enKey]: 'name_en' } as Record<Z | E, string>);
}
