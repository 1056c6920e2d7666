import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { Bilingual, inLanguage, Language } from '../i18n/language';
import { CsvCell, csvStream } from './csv-writer';

/** A column of an officials' export: its header in both languages, and its cell from a row. */
export interface ExportColumn<R> {
  label: Bilingual;
  value: (row: R, language: Language) => CsvCell;
}

/** Whether the caller asked for CSV (`Accept: text/csv`) rather than a JSON page. */
export function wantsCsv(accept: string | undefined): boolean {
  return accept?.includes('text/csv') ?? false;
}

/**
 * An export as a CSV stream: the header in the reader's language, then one line per row as rows
 * arrive (from a database cursor: the export is never held whole). Through the one CSV writer,
 * so formula-like cells are neutralised.
 */
export function csvExport<R>(columns: readonly ExportColumn<R>[], rows: AsyncIterable<R>, language: Language): Readable {
  const csv = csvStream(columns.map((c) => inLanguage(language, c.label)));
  async function* lines(): AsyncGenerator<CsvCell[]> {
    for await (const row of rows) yield columns.map((c) => c.value(row, language));
  }
  pipeline(Readable.from(lines()), csv).catch((error: Error) => csv.destroy(error));
  return csv;
}

/** The headers of a CSV download named `<name>-<YYYY-MM-DD>.csv`. */
export function csvDownload(reply: FastifyReply, name: string, today: string): void {
  void reply.header('content-type', 'text/csv; charset=utf-8');
  void reply.header('content-disposition', `attachment; filename="${name}-${today}.csv"`);
}
