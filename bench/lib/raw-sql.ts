import { QueryConfig } from 'pg';

/** A named prepared statement: PostgreSQL plans it once per connection, not on every request. */
export function prepared(name: string, text: string): (values: unknown[]) => QueryConfig {
  return (values) => ({ name, text, values });
}

const names = new Map<string, string>();

/** The same for SQL assembled from a request's filters: one statement name per distinct text. */
export function preparedText(text: string, values: unknown[]): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    name = `raw-${names.size + 1}`;
    names.set(text, name);
  }
  return { name, text, values };
}
