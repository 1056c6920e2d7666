import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * Reads an entity's columns straight from the driver's rows into plain objects under their
 * property names, as a list answers them in JSON: no entity is hydrated. Hydrating a page of
 * entities (and matching them with the raw rows of their joined names) was the largest single
 * cost of a list request after the database itself.
 *
 * What hydration would do is kept: columns marked `select: false` stay out, transformers run,
 * `date` columns come back as 'YYYY-MM-DD' text (pg would otherwise parse them into local-time Dates).
 */
interface ColumnReader {
  key: string;
  from?: (value: unknown) => unknown;
}

interface EntityRowShape {
  /** `select` expressions (alias-free) and their keys, in column order. */
  selects: { expression: (alias: string) => string; key: string }[];
  readers: ColumnReader[];
}

const shapes = new WeakMap<EntityMetadata, EntityRowShape>();

function shapeOf(metadata: EntityMetadata): EntityRowShape {
  const known = shapes.get(metadata);
  if (known) return known;
  const columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual && !column.relationMetadata && !column.embeddedMetadata);
  const shape: EntityRowShape = {
    selects: columns.map((column) => ({ key: column.propertyName, expression: selectExpression(column) })),
    readers: columns.map((column) => ({ key: column.propertyName, from: transformerOf(column) })),
  };
  shapes.set(metadata, shape);
  return shape;
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

/**
 * Replaces the query's selection by its main entity's columns (or `only` those), keyed by
 * property name, and answers the reader that turns one raw row into that plain shape.
 */
export function selectEntityColumns<T extends ObjectLiteral, K extends keyof T & string = keyof T & string>(
  qb: SelectQueryBuilder<T>,
  only?: readonly K[],
): (raw: Record<string, unknown>) => Pick<T, K> {
  const mainAlias = qb.expressionMap.mainAlias;
  if (!mainAlias?.hasMetadata) throw new Error('selectEntityColumns needs a query builder on an entity');
  const shape = shapeOf(mainAlias.metadata);
  const wanted = only ? new Set<string>(only) : undefined;
  const selects = wanted ? shape.selects.filter((s) => wanted.has(s.key)) : shape.selects;
  const readers = wanted ? shape.readers.filter((r) => wanted.has(r.key)) : shape.readers;
  if (wanted && selects.length !== wanted.size) throw new Error(`selectEntityColumns: ${[...wanted].filter((k) => !selects.some((s) => s.key === k)).join(', ')} not selectable`);
  qb.select();
  for (const { expression, key } of selects) qb.addSelect(expression(mainAlias.name), key);
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, from } of readers) {
      const value = raw[key];
      row[key] = from && value !== null && value !== undefined ? from(value) : value;
    }
    return row as Pick<T, K>;
  };
}
