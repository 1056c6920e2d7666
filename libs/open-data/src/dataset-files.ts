import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { csvStream, CsvCell, DatasetColumn } from '@app/core';
import { cursorRows } from '@app/database';
import { DatasetFormat, OpenDataset } from './datasets';

type Row = Record<string, unknown>;

/** A row's values as the dictionary types them: integers the driver gives as text become numbers. */
function typed(row: Row, columns: readonly DatasetColumn[]): Row {
  const out: Row = {};
  for (const column of columns) {
    const value = row[column.name] ?? null;
    out[column.name] = column.type === 'integer' && value !== null ? Number(value) : value;
  }
  return out;
}

function csvCells(row: Row, columns: readonly DatasetColumn[]): CsvCell[] {
  return columns.map((column) => {
    const value = row[column.name];
    return Array.isArray(value) ? value.join(';') : (value as CsvCell);
  });
}

async function* jsonChunks(rows: AsyncIterable<Row>, columns: readonly DatasetColumn[]): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(typed(row, columns))}`;
    first = false;
  }
  yield '\n]\n';
}

async function* csvRows(rows: AsyncIterable<Row>, columns: readonly DatasetColumn[]): AsyncGenerator<CsvCell[]> {
  for await (const row of rows) yield csvCells(typed(row, columns), columns);
}

/**
 * The whole dataset as a stream of CSV (header: the dictionary's column names) or of a JSON array
 * of objects, read from the database a batch at a time (cursorRows): the process holds one batch,
 * however many rows there are. Reading pauses while the client is slow (stream backpressure).
 */
export function datasetFile(dataSource: DataSource, dataset: OpenDataset, format: DatasetFormat): Readable {
  const { sql, columns } = dataset.query;
  const rows = cursorRows<Row>(dataSource, sql);
  if (format === 'json') return Readable.from(jsonChunks(rows, columns), { objectMode: false });
  const csv = csvStream(columns.map((c) => c.name));
  pipeline(Readable.from(csvRows(rows, columns)), csv).catch((error: Error) => csv.destroy(error));
  return csv;
}
