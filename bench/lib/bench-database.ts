import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations, startEmbeddedPostgres, typeOrmOptions } from '@app/database';

export const BENCH_DATABASE = 'agency_registry_bench';

export interface BenchDatabase {
  /** URL of the benchmark database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The server the benchmarks run against: BENCH_DATABASE_URL (a server; the database named in it
 * is used as is), else an embedded PostgreSQL kept under BENCH_DATA_DIR (default .data/bench-postgres)
 * on BENCH_PG_PORT, so generated data survives between `npm run bench:data` and `npm run bench`.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const server = await startEmbeddedPostgres({
    dataDir: process.env.BENCH_DATA_DIR ?? join(__dirname, '..', '..', '.data', 'bench-postgres'),
    port: Number(process.env.BENCH_PG_PORT ?? 54339),
    database: BENCH_DATABASE,
  });
  return { url: server.url, stop: server.stop };
}

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...(typeOrmOptions({ url, poolSize: 2, statementTimeoutMs: 0, applicationName: 'bench' }) as object), entities: [] } as never);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same data set. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
