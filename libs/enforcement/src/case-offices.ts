import { EntityManager } from 'typeorm';
import type { Bilingual } from './case-grounds';

/** The registry itself, for what a job did. */
export const REGISTRY_OFFICE: Bilingual = { zh: '登记系统', en: 'The registry' };

const LEVEL_NAMES: Record<string, (zh: string, en: string) => Bilingual> = {
  ministry: () => ({ zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security' }),
  province: (zh, en) => ({ zh: `${zh}人力资源和社会保障厅`, en: `${en} Department of Human Resources and Social Security` }),
  city: (zh, en) => ({ zh: `${zh}人力资源和社会保障局`, en: `${en} Bureau of Human Resources and Social Security` }),
};

/**
 * The office each user acts for, as an agency reads it: an official's bureau named from its level
 * and division in both languages (a bureau's own `name` is in one language only), an agency
 * user's agency. Users are read by primary key, all in one query. The one read of users, bureaus
 * and jurisdictions in enforcement: the case page's names of offices, nothing else.
 */
export async function officesOf(manager: EntityManager, userIds: (string | null)[]): Promise<Map<string, Bilingual>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  const offices = new Map<string, Bilingual>();
  if (ids.length === 0) return offices;
  const rows = (await manager.query(
    `SELECT u.id, b.level, j.name_zh, j.name_en, a.name_zh AS agency_zh, a.name_en AS agency_en
       FROM users u
       LEFT JOIN bureaus b ON b.id = u.bureau_id
       LEFT JOIN jurisdictions j ON j.code = b.jurisdiction_code
       LEFT JOIN agencies a ON a.id = u.agency_id
      WHERE u.id = ANY($1::uuid[])`,
    [ids],
  )) as { id: string; level: string | null; name_zh: string | null; name_en: string | null; agency_zh: string | null; agency_en: string | null }[];
  for (const row of rows) {
    if (row.agency_zh) offices.set(row.id, { zh: row.agency_zh, en: row.agency_en ?? row.agency_zh });
    else if (row.level) offices.set(row.id, LEVEL_NAMES[row.level](row.name_zh ?? '', row.name_en ?? ''));
  }
  return offices;
}
