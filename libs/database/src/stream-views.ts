import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { selectEntityColumns, ViewJoins } from '@app/core';
import { cursorRows } from './cursor-rows';

/**
 * The rows of a list's query with their joined names, like fetchViews, but all of them through a
 * server-side cursor: what an export streams, however many rows the caller's scope holds.
 */
export async function* streamViews<T extends ObjectLiteral, X, K extends keyof T & string = keyof T & string>(
  dataSource: DataSource,
  qb: SelectQueryBuilder<T>,
  joins: ViewJoins<X>,
  columns?: readonly K[],
): AsyncGenerator<Pick<T, K> & X> {
  const readEntity = selectEntityColumns(qb, columns);
  const [sql, params] = joins.join(qb).getQueryAndParameters();
  for await (const raw of cursorRows<Record<string, unknown>>(dataSource, sql, params)) {
    readEntity(raw);
    joins.read(raw);
    yield raw as Pick<T, K> & X;
  }
}
