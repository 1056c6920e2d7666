import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { selectEntityColumns } from './entity-rows';
import { applyKeyset, KeysetOrder, Page, pageOf, PageQuery } from './page';

/**
 * Names a view shows beside an entity's ids (agency name, bureau name...), read in the same
 * statement as the entity: `join` adds LEFT JOINs and aliased selects to the query, `read`
 * completes the raw row in place (a joined name the driver gave as other than text, an array
 * SQL left null) and answers it as the view. A list stays one query whatever its page size.
 */
export interface ViewJoins<X> {
  join<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T>;
  read(raw: Record<string, unknown>): X;
}

/**
 * Rows of a query with their joined names: one statement, read from the raw rows (no entity
 * hydrated); `columns` limits the entity's columns to those the view shows.
 */
export async function fetchViews<T extends ObjectLiteral & { id: string }, X, K extends keyof T & string = keyof T & string>(
  qb: SelectQueryBuilder<T>,
  joins: ViewJoins<X>,
  columns?: readonly K[],
): Promise<(Pick<T, K> & X)[]> {
  const readEntity = selectEntityColumns(qb, columns);
  const raw: Record<string, unknown>[] = await joins.join(qb).getRawMany();
  for (const row of raw) {
    readEntity(row);
    joins.read(row);
  }
  return raw as (Pick<T, K> & X)[];
}

/** One row with its names, or null. */
export async function fetchView<T extends ObjectLiteral & { id: string }, X>(qb: SelectQueryBuilder<T>, joins: ViewJoins<X>): Promise<(Pick<T, keyof T & string> & X) | null> {
  const [row] = await fetchViews(qb.limit(1), joins);
  return row ?? null;
}

/** `paginate` for views: the same keyset, with the names joined into the page's one query. */
export async function paginateViews<T extends ObjectLiteral & { id: string }, X, K extends keyof T & string = keyof T & string>(
  qb: SelectQueryBuilder<T>,
  page: PageQuery,
  order: KeysetOrder,
  joins: ViewJoins<X>,
  columns?: readonly K[],
): Promise<Page<Pick<T, K> & X>> {
  const limit = applyKeyset(qb, page, order);
  return pageOf(await fetchViews(qb, joins, columns), limit, order);
}

/** `paginate` read straight from the rows (no entity hydrated), for lists that join no names. */
export async function paginateRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageQuery, order: KeysetOrder, defaultLimit = 50): Promise<Page<Pick<T, keyof T & string>>> {
  const readEntity = selectEntityColumns(qb);
  const limit = applyKeyset(qb, page, order, defaultLimit);
  const raw: Record<string, unknown>[] = await qb.getRawMany();
  for (const row of raw) readEntity(row);
  return pageOf(raw as Pick<T, keyof T & string>[], limit, order);
}

/**
 * LEFT JOINs `table` as `alias` on `on` and selects its `columns` under the view's property
 * names. `V` is `string` when the join always matches (a NOT NULL foreign key).
 */
export function joinColumns<K extends string, V extends string | null = string | null>(table: string, alias: string, on: string, columns: Record<K, string>): ViewJoins<Record<K, V>> {
  const keys = Object.keys(columns) as K[];
  const selection = keys.map((key) => `${alias}.${columns[key]} AS "${key}"`).join(', ');
  return {
    join: (qb) => qb.leftJoin(table, alias, on).addSelect(selection),
    read: (raw) => {
      for (const key of keys) {
        const value = raw[key];
        if (value === undefined) raw[key] = null;
        else if (value !== null && typeof value !== 'string') raw[key] = String(value);
      }
      return raw as Record<K, V>;
    },
  };
}

/** Selects a correlated text[] subquery (served by an index on its filter) under `key`. */
export function selectArray<K extends string>(key: K, subquery: string): ViewJoins<Record<K, string[]>> {
  const selection = `(${subquery}) AS "${key}"`;
  return {
    join: (qb) => qb.addSelect(selection),
    read: (raw) => {
      if (!Array.isArray(raw[key])) raw[key] = [];
      return raw as Record<K, string[]>;
    },
  };
}

export function combineJoins<A, B>(a: ViewJoins<A>, b: ViewJoins<B>): ViewJoins<A & B>;
export function combineJoins<A, B, C>(a: ViewJoins<A>, b: ViewJoins<B>, c: ViewJoins<C>): ViewJoins<A & B & C>;
export function combineJoins<A, B, C, D>(a: ViewJoins<A>, b: ViewJoins<B>, c: ViewJoins<C>, d: ViewJoins<D>): ViewJoins<A & B & C & D>;
export function combineJoins(...parts: ViewJoins<object>[]): ViewJoins<object> {
  return {
    join: (qb) => {
      for (const part of parts) part.join(qb);
      return qb;
    },
    read: (raw) => {
      for (const part of parts) part.read(raw);
      return raw;
    },
  };
}
