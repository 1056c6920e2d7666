import { api, data } from './client';

/** The officials' lists that answer `Accept: text/csv` with every row in the caller's scope and filters. */
export type ExportableList = '/api/agencies' | '/api/licences' | '/api/complaints' | '/api/inspections';

/** Downloads a whole list as the API writes it (headers in the page's language), under the name the API gives. */
export async function downloadListCsv(path: ExportableList, query: Record<string, unknown>): Promise<void> {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  const result = await api.GET(path as '/api/agencies', { params: { query: filters as never }, headers: { Accept: 'text/csv' }, parseAs: 'blob' });
  const blob = data(result) as unknown as Blob;
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${path.slice(5)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
