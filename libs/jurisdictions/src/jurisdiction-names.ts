import { joinColumns, ViewJoins } from '@app/core';

/**
 * A bureau's name beside the bureau id in `bureauIdColumn`, joined into a list's one query (primary
 * key: one index probe per row), under `key`. `V` is `string` when the column is NOT NULL.
 */
export function bureauName<K extends string, V extends string | null = string | null>(bureauIdColumn: string, alias: string, key: K): ViewJoins<Record<K, V>> {
  return joinColumns<K, V>('bureaus', alias, `${alias}.id = ${bureauIdColumn}`, { [key]: 'name' } as Record<K, string>);
}
