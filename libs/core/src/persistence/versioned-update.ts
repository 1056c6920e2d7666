import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Problems } from '../errors/problem.exception';

/**
 * Optimistic locking: applies `changes` only if the row still has the version the caller read
 * (and, optionally, still satisfies `extra`); otherwise 409. The version column increments.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: { id: string; version: number },
  changes: QueryDeepPartialEntity<T>,
  entityName: string,
  extra?: { sql: string; parameters: Record<string, unknown> },
): Promise<void> {
  const query = manager
    .createQueryBuilder()
    .update(target)
    .set(changes)
    .where('id = :id AND version = :version', { id: row.id, version: row.version });
  if (extra) query.andWhere(extra.sql, extra.parameters);
  const result = await query.execute();
  if (result.affected !== 1) throw Problems.staleVersion(entityName);
}
