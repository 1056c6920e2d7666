import { EntityManager, In } from 'typeorm';
import { joinColumns, ViewJoins } from '@app/core';
import { User } from './user.entity';

/**
 * An official's display name beside the user id in `userIdColumn`, joined into a list's one query
 * (primary key: one index probe per row), under the view's property `key`; null when no user.
 */
export function userDisplayName<K extends string>(userIdColumn: string, alias: string, key: K): ViewJoins<Record<K, string | null>> {
  return joinColumns('users', alias, `${alias}.id = ${userIdColumn}`, { [key]: 'display_name' } as Record<K, string>);
}

/** Whom each user acts for (their bureau or agency), in one query by primary key. */
export async function userAffiliationsOf(manager: EntityManager, userIds: string[]): Promise<{ id: string; bureauId: string | null; agencyId: string | null }[]> {
  if (userIds.length === 0) return [];
  return manager.find(User, { select: { id: true, bureauId: true, agencyId: true }, where: { id: In(userIds) } });
}
