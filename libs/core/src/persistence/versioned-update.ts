import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Problems } from '../errors/problem.exception';

/**
 * A row as read: its primary key (`id`, or `keyColumns` for a table keyed otherwise) and the version
 * read. Entities may have a `key` property of their own (demerit rules do), so the form is named apart.
 */
export type VersionedRow = { id: string; version: number } | { keyColumns: Record<string, unknown>; version: number };

/** A condition the row must still satisfy besides its version (the status read, say). */
export interface VersionCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * The version a request sends must be the one read (409 naming the current one). `undefined`
 * passes where a route lets the version be left out.
 */
export function checkVersion(current: { version: number }, requested: number | undefined, entityName: string): void {
  if (requested !== undefined && requested !== current.version) throw Problems.staleVersion(entityName, current.version);
}

/**
 * Optimistic locking: applies `changes` only if the row still has the version the caller read
 * (and, optionally, still satisfies `extra`); otherwise 409. The version column increments.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: VersionedRow,
  changes: QueryDeepPartialEntity<T>,
  entityName: string,
  extra?: VersionCondition,
): Promise<void> {
  const key = 'keyColumns' in row ? row.keyColumns : { id: row.id };
  const where = Object.keys(key).map((column, i) => `${column} = :key${i}`);
  const parameters = Object.fromEntries(Object.values(key).map((value, i) => [`key${i}`, value]));
  const query = manager
    .createQueryBuilder()
    .update(target)
    .set(changes)
    .where(`${where.join(' AND ')} AND version = :version`, { ...parameters, version: row.version });
  if (extra) query.andWhere(extra.sql, extra.parameters);
  const result = await query.execute();
  if (result.affected !== 1) throw Problems.staleVersion(entityName);
}

/** `updateVersioned`, then the row as it now stands (by id). */
export async function updateVersionedAndRead<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: { id: string; version: number },
  changes: QueryDeepPartialEntity<T>,
  entityName: string,
  extra?: VersionCondition,
): Promise<T> {
  await updateVersioned(manager, target, row, changes, entityName, extra);
  return manager.findOneByOrFail(target, { id: row.id } as never);
}
