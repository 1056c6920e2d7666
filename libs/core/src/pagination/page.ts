import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Problems } from '../errors/problem.exception';

export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=` of every list. */
// Explicit ApiProperty: the swagger compiler plugin only reads *.dto.ts files, and every list's
// query DTO inherits these two.
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50, description: 'How many items to return' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ type: String, maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'The `nextCursor` of the previous page' })
  @IsOptional() @IsString() @MaxLength(512) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Documents a page of T in OpenAPI. */
export function PageOf<T>(itemType: new () => T) {
  class PageOfType {
    @ApiProperty({ type: [itemType] }) items: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageOfType, 'name', { value: `PageOf${itemType.name}` });
  return PageOfType;
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What a cursor position must be, so that a forged one is refused before it reaches SQL. */
export type CursorKind = 'timestamp' | 'uuid' | 'integer' | 'flag';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const CURSOR_KIND_CHECKS: Record<CursorKind, (value: CursorValue) => boolean> = {
  timestamp: (value) => typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value.slice(0, 10),
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  integer: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && /^\d{1,18}$/.test(value)),
  flag: (value) => value === 0 || value === 1,
};

/**
 * The positions a cursor holds. With their kinds, each is checked (a forged cursor of the right
 * shape but wrong contents answers 400 instead of failing in SQL); a bare length checks the shape only.
 */
export function decodeCursor(cursor: string, kinds: number | readonly CursorKind[]): CursorValue[] {
  const length = typeof kinds === 'number' ? kinds : kinds.length;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v, i) => (typeof v === 'string' || typeof v === 'number') && (typeof kinds === 'number' || CURSOR_KIND_CHECKS[kinds[i]](v)))
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through to the problem below
  }
  throw Problems.invalid([{ field: 'cursor', message: 'cursor is not a cursor this API issued' }]);
}

export interface KeysetOrder {
  /**
   * SQL expression of the sort key, e.g. `a.created_at`; ties are broken by `idColumn`. A
   * timestamp key must be a timestamptz(3) column: a Date has milliseconds only.
   */
  sortColumn: string;
  idColumn: string;
  direction: 'ASC' | 'DESC';
  /** How the raw sort value is read back from an entity, for the next cursor. */
  sortValue: (row: never) => CursorValue | Date;
  idValue: (row: never) => string | number;
  /** What the sort and id values are, to refuse forged cursors; byCreation gives timestamp and uuid. */
  cursorKinds: readonly [CursorKind, CursorKind];
}

/**
 * Keyset pagination: applies `(sort, id) < (cursor)` and the order to the query, fetches one
 * extra row to know whether there is a next page, and builds its cursor.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageQuery,
  order: KeysetOrder,
  defaultLimit = 50,
): Promise<Page<T>> {
  const limit = applyKeyset(qb, page, order, defaultLimit);
  return pageOf(await qb.getMany(), limit, order);
}

/** Adds the cursor condition, the order and LIMIT n+1 to a list query; answers n. */
export function applyKeyset<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: PageQuery, order: KeysetOrder, defaultLimit = 50): number {
  const limit = page.limit ?? defaultLimit;
  const comparator = order.direction === 'DESC' ? '<' : '>';
  if (page.cursor) {
    const [sort, id] = decodeCursor(page.cursor, order.cursorKinds);
    qb.andWhere(`(${order.sortColumn}, ${order.idColumn}) ${comparator} (:cursorSort, :cursorId)`, {
      cursorSort: sort,
      cursorId: id,
    });
  }
  qb.orderBy(order.sortColumn, order.direction).addOrderBy(order.idColumn, order.direction).take(undefined).limit(limit + 1);
  return limit;
}

/** The page of the n+1 rows a keyset query fetched: n items and, when there is more, the next cursor. */
export function pageOf<T>(rows: T[], limit: number, order: KeysetOrder): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor([serialise(order.sortValue(last as never)), order.idValue(last as never)])
      : null;
  return { items, nextCursor };
}

function serialise(value: CursorValue | Date): CursorValue {
  return value instanceof Date ? value.toISOString() : value;
}

/** The usual list order: by `<alias>.created_at` (a timestamptz(3) column), then id. */
export function byCreation(alias: string, direction: 'ASC' | 'DESC' = 'DESC'): KeysetOrder {
  return {
    sortColumn: `${alias}.created_at`,
    idColumn: `${alias}.id`,
    direction,
    sortValue: (row: { createdAt: Date }) => row.createdAt,
    idValue: (row: { id: string }) => row.id,
    cursorKinds: ['timestamp', 'uuid'],
  };
}
