import { stringify, Stringifier, Options } from 'csv-stringify';
import type { Readable } from 'node:stream';

/**
 * A spreadsheet runs a cell that begins with one of these as a formula (`=HYPERLINK(…)`, `@SUM(…)`,
 * `-2+3+cmd|…`); a tab or carriage return in front hides the sign from a naive check (OWASP, CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that is a whole decimal number (`-12.50`) is a number to a spreadsheet, never a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A text cell as it is safe to open in a spreadsheet: one that could start a formula gets a leading `'`. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A CSV cell: text is neutralised, numbers and booleans are written as they are, null and undefined as empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * How every CSV the API writes looks: RFC 4180 quoting, CRLF line ends and a byte order mark
 * (Excel then reads UTF-8, so Chinese names survive, not the system code page).
 */
const OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  // A lone CR or LF inside a cell is quoted too (the library quotes only the whole CRLF), or a spreadsheet splits the row.
  quoted_match: /[\r\n]/,
  cast: {
    string: (value) => neutraliseCell(value),
    boolean: (value) => (value ? 'true' : 'false'),
    date: (value) => value.toISOString(),
  },
};

/**
 * A CSV stream with `header` as its first line: write one array of cells per row, pipe it to the
 * response. Exports too large to hold in memory go through this.
 */
export function csvStream(header: readonly string[]): Stringifier {
  const stream = stringify(OPTIONS);
  stream.write([...header]);
  return stream;
}

/** A whole CSV document (header, rows) as one string, for the small tables the API builds in memory. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Promise<string> {
  return collect(csvStream(header), rows);
}

async function collect(stream: Stringifier, rows: Iterable<readonly CsvCell[]>): Promise<string> {
  const chunks: string[] = [];
  const done = readAll(stream, chunks);
  for (const row of rows) stream.write([...row]);
  stream.end();
  await done;
  return chunks.join('');
}

function readAll(stream: Readable, chunks: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve());
  });
}
