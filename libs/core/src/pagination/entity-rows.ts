import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * Reads an entity's columns straight from the driver's rows under their property names, as a
 * list answers them in JSON: no entity is hydrated and no row is copied. Hydrating a page of
 * entities (and matching them with the raw rows of their joined names) was the largest single
 * cost of a list request after the database itself.
 *
 * What hydration would do is kept: columns marked `select: false` stay out, transformers run,
 * `date` columns come back as 'YYYY-MM-DD' text (pg would otherwise parse them into local-time Dates).
 *
 * The selection is one expression, made once per entity, alias and column pick: TypeORM compares
 * every separate select with every column of every alias when it writes the SQL, which cost
 * more per request than the rest of building the query.
 */
interface EntityColumn {
  key: string;
  expression: (alias: string) => string;
  /** The column's transformers, read side, when it has any. */
  from?: (value: unknown) => unknown;
}

interface EntitySelection {
  sql: string;
  /** The selected columns with transformers: the only ones a row needs rewriting for. */
  transformed: { key: string; from: (value: unknown) => unknown }[];
}

const ALL_COLUMNS: readonly string[] = [];
const columnsOf = new WeakMap<EntityMetadata, EntityColumn[]>();
/** Per entity, column pick (ALL_COLUMNS for all) and alias: the selection, made once. */
const selections = new WeakMap<EntityMetadata, WeakMap<readonly string[], Map<string, EntitySelection>>>();

function entityColumns(metadata: EntityMetadata): EntityColumn[] {
  let columns = columnsOf.get(metadata);
  if (!columns) {
    columns = metadata.columns
      .filter((column) => column.isSelect && !column.isVirtual && !column.relationMetadata && !column.embeddedMetadata)
      .map((column) => ({ key: column.propertyName, expression: selectExpression(column), from: transformerOf(column) }));
    columnsOf.set(metadata, columns);
  }
  return columns;
}

function selectExpression(column: ColumnMetadata): (alias: string) => string {
  const name = `"${column.databaseName}"`;
  return column.type === 'date' ? (alias) => `${alias}.${name}::text` : (alias) => `${alias}.${name}`;
}

function transformerOf(column: ColumnMetadata): ((value: unknown) => unknown) | undefined {
  const transformer = column.transformer;
  if (!transformer) return undefined;
  const chain = Array.isArray(transformer) ? [...transformer].reverse() : [transformer];
  return (value) => chain.reduce((current, t) => t.from(current) as unknown, value);
}

function selectionOf(metadata: EntityMetadata, alias: string, only: readonly string[]): EntitySelection {
  let byPick = selections.get(metadata);
  if (!byPick) selections.set(metadata, (byPick = new WeakMap()));
  let byAlias = byPick.get(only);
  if (!byAlias) byPick.set(only, (byAlias = new Map()));
  let selection = byAlias.get(alias);
  if (!selection) {
    const all = entityColumns(metadata);
    const columns = only === ALL_COLUMNS ? all : all.filter((c) => only.includes(c.key));
    if (columns.length !== (only === ALL_COLUMNS ? all.length : only.length)) {
      throw new Error(`selectEntityColumns: ${only.filter((k) => !all.some((c) => c.key === k)).join(', ')} not selectable`);
    }
    selection = {
      sql: columns.map((c) => `${c.expression(alias)} AS "${c.key}"`).join(', '),
      transformed: columns.flatMap((c) => (c.from ? [{ key: c.key, from: c.from }] : [])),
    };
    byAlias.set(alias, selection);
  }
  return selection;
}

/**
 * Replaces the query's selection by its main entity's columns (or `only` those), keyed by
 * property name, and answers the reader that makes one raw row that plain shape (in place).
 */
export function selectEntityColumns<T extends ObjectLiteral, K extends keyof T & string = keyof T & string>(
  qb: SelectQueryBuilder<T>,
  only?: readonly K[],
): (raw: Record<string, unknown>) => Pick<T, K> {
  const mainAlias = qb.expressionMap.mainAlias;
  if (!mainAlias?.hasMetadata) throw new Error('selectEntityColumns needs a query builder on an entity');
  const { sql, transformed } = selectionOf(mainAlias.metadata, mainAlias.name, only ?? ALL_COLUMNS);
  qb.select(sql);
  return (raw) => {
    for (const { key, from } of transformed) {
      const value = raw[key];
      if (value !== null && value !== undefined) raw[key] = from(value);
    }
    return raw as Pick<T, K>;
  };
}
