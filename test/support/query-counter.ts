import { DataSource, QueryRunner } from 'typeorm';

export interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * Records every statement the app sends through its DataSource (each query runner it creates),
 * until `stop`: a test counts the queries a request costs.
 */
export function recordQueries(db: DataSource): { queries: RecordedQuery[]; stop: () => void } {
  const queries: RecordedQuery[] = [];
  const create = db.createQueryRunner.bind(db);
  db.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      queries.push({ sql, parameters: parameters ?? [] });
      return query(sql, parameters, structured as never);
    }) as QueryRunner['query'];
    return runner;
  };
  return { queries, stop: () => (db.createQueryRunner = create) };
}
