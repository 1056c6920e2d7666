import { EntityManager } from 'typeorm';
import { agencyNamesOf } from '@app/agencies';
import { userAffiliationsOf } from '@app/auth';
import { bureauDivisionsOf } from '@app/jurisdictions';
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
 * user's agency. Each owner answers by primary key in one batched query: the users, then their
 * bureaus and agencies.
 */
export async function officesOf(manager: EntityManager, userIds: (string | null)[]): Promise<Map<string, Bilingual>> {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  const offices = new Map<string, Bilingual>();
  const users = await userAffiliationsOf(manager, ids);
  const present = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const bureaus = await bureauDivisionsOf(manager, present(users.map((u) => u.bureauId)));
  const agencies = await agencyNamesOf(manager, present(users.map((u) => u.agencyId)));
  for (const user of users) {
    const agency = user.agencyId ? agencies.get(user.agencyId) : undefined;
    const bureau = user.bureauId ? bureaus.get(user.bureauId) : undefined;
    if (agency) offices.set(user.id, { zh: agency.zh, en: agency.en ?? agency.zh });
    else if (bureau) offices.set(user.id, LEVEL_NAMES[bureau.level](bureau.divisionZh ?? '', bureau.divisionEn ?? ''));
  }
  return offices;
}
