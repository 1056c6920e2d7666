import { DataSource } from 'typeorm';

/** Rows fetched per round trip: big enough to keep the connection busy, small enough to bound memory. */
const DEFAULT_BATCH = 1_000;

/**
 * The rows of a query, read through a server-side cursor a batch at a time, so a download of any
 * size holds one batch in memory. The cursor lives in a read-only REPEATABLE READ transaction: the
 * whole download is one consistent snapshot. The connection is held until the last row is read
 * or the consumer stops (a `for await` left early, a destroyed `Readable.from`), then released.
 */
export async function* cursorRows<T = Record<string, unknown>>(dataSource: DataSource, sql: string, params: unknown[] = [], batch = DEFAULT_BATCH): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows = (await runner.query(`FETCH ${batch} FROM rows_cursor`)) as T[];
      for (const row of rows) yield row;
      if (rows.length < batch) break;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    // Left early or failed: ROLLBACK closes the cursor and ends the snapshot.
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
