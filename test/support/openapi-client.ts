// A small program written the way the web app will use the API: openapi-fetch over the types
// openapi-typescript generates from apps/api/openapi.json. The contract test type-checks it
// against the committed types and runs it against a live app.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../../apps/web/src/lib/api/schema';

export type AgencyView = components['schemas']['AgencyView'];
export type ProblemDetails = components['schemas']['ProblemDetails'];
/** The answers this program reads: lists that also answer text/csv are read as JSON. */
type Json = 'application/json' | 'application/problem+json';

export function registryClient(baseUrl: string, bearer: string): Client<paths, Json> {
  return createClient<paths, Json>({ baseUrl, headers: { authorization: bearer } });
}

/** Every agency the caller may see, `pageSize` at a time, following `nextCursor` to the end. */
export async function allAgencies(client: Client<paths, Json>, pageSize: number): Promise<{ agencies: AgencyView[]; pages: number }> {
  const agencies: AgencyView[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, error } = await client.GET('/api/agencies', { params: { query: { limit: pageSize, cursor } } });
    if (error) throw new Error(`listAgencies: ${error.status} ${error.title}`);
    pages += 1;
    agencies.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return { agencies, pages };
}

/** An agency's licence numbers from its profile, or the problem the API answered. */
export async function licenceNumbersOf(client: Client<paths, Json>, agencyId: string): Promise<{ name: string; licenceNumbers: string[] } | { problem: ProblemDetails }> {
  const { data, error } = await client.GET('/api/agencies/{id}/profile', { params: { path: { id: agencyId } } });
  if (error) {
    const problem: ProblemDetails = error;
    return { problem };
  }
  return { name: data.agency.nameZh, licenceNumbers: data.licences.map((licence) => licence.licenceNumber) };
}

/** A bad query answers a typed problem with field-level errors. */
export async function badPageSizeFields(client: Client<paths, Json>): Promise<string[]> {
  const { error } = await client.GET('/api/agencies', { params: { query: { limit: 100_000 } } });
  return (error?.errors ?? []).map((problem) => problem.field);
}

/** Misuses the types must catch; each line fails to compile if the generated types went loose. */
export function misuses(client: Client<paths, Json>): void {
  // @ts-expect-error limit is a number
  void client.GET('/api/agencies', { params: { query: { limit: 'ten' } } });
  // @ts-expect-error licenceStatus is a LicenceStatus
  void client.GET('/api/agencies', { params: { query: { licenceStatus: 'lapsed' } } });
  // @ts-expect-error the profile needs its path id
  void client.GET('/api/agencies/{id}/profile', {});
  // @ts-expect-error no such route
  void client.GET('/api/agency');
}
