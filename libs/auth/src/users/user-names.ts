import { joinColumns, ViewJoins } from '@app/core';

/**
 * An official's display name beside the user id in `userIdColumn`, joined into a list's one query
 * (primary key: one index probe per row), under the view's property `key`; null when no user.
 */
export function userDisplayName<K extends string>(userIdColumn: string, alias: string, key: K): ViewJoins<Record<K, string | null>> {
  return joinColumns('users', alias, `${alias}.id = ${userIdColumn}`, { [key]: 'display_name' } as Record<K, string>);
}
