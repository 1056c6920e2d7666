import { withClient } from './bench-database';
import { load, LoadResult } from './processes';
import { Figure } from './report';
import { Scenario, signIn } from './scenario';

const DURATION = Number(process.env.BENCH_PDF_DURATION ?? 10);

/** /health measured at 2 connections while `busy` loads the API; both for DURATION seconds. */
async function healthWhile(url: string, busy: () => Promise<LoadResult>): Promise<[LoadResult, LoadResult]> {
  const [health, pdfs] = await Promise.all([load({ url, paths: ['/health'], connections: 2, duration: DURATION }), busy()]);
  return [health, pdfs];
}

/**
 * Certificates while /health is measured. One agency user fetching its licences' certificates over
 * 16 connections (cached after the first of each: the common case), then a bureau admin fetching
 * 400 different certificates (every one a render in the worker thread, the worst case). The API
 * runs with a per-user PDF limit high enough not to refuse them (what is measured is rendering).
 */
export const certificatesAndHealth: Scenario = {
  name: 'certificates over 16 connections, /health measured meanwhile',
  async run({ api, databaseUrl, password }) {
    const figures: Figure[] = [];
    const quiet = await load({ url: api.url, paths: ['/health'], connections: 2, duration: 3 });
    figures.push({ name: '/health p99, API otherwise idle', value: quiet.latencyP99, unit: 'ms' });

    const [agencyUser] = await withClient(databaseUrl, async (c) =>
      (await c.query(`SELECT u.username, array_agg(l.id::text) AS licences FROM users u JOIN licences l ON l.agency_id = u.agency_id WHERE u.username = 'agency-user-1' GROUP BY u.username`)).rows as { username: string; licences: string[] }[],
    );
    const agencyToken = await signIn(api, agencyUser.username, password);
    const own = agencyUser.licences.map((id) => `/api/licences/${id}/certificate.pdf`);
    const [health, pdfs] = await healthWhile(api.url, () => load({ url: api.url, paths: own, connections: 16, duration: DURATION, headers: { authorization: `Bearer ${agencyToken}` } }));
    if (pdfs.non2xx) console.warn(`  certificates: ${pdfs.non2xx} non-2xx answers`);
    figures.push({ name: `certificates, one agency user (${own.length} licences, cached)`, value: pdfs.requestsPerSecond, unit: 'PDF/s' });
    figures.push({ name: '/health p50 meanwhile', value: health.latencyP50, unit: 'ms' });
    figures.push({ name: '/health p99 meanwhile', value: health.latencyP99, unit: 'ms', target: { kind: 'value-below', value: 20, text: '< 20 ms' } });

    const licences = await withClient(databaseUrl, async (c) =>
      ((await c.query(`SELECT id::text AS id FROM licences WHERE left(jurisdiction_code, 2) = '35' ORDER BY md5(id::text) LIMIT 400`)).rows as { id: string }[]).map((r) => `/api/licences/${r.id}/certificate.pdf`),
    );
    const adminToken = await signIn(api, 'bench-fujian', password);
    const [renderHealth, renders] = await healthWhile(api.url, () => load({ url: api.url, paths: licences, connections: 16, duration: DURATION, headers: { authorization: `Bearer ${adminToken}` } }));
    figures.push({ name: 'certificates, 400 different (each rendered in the worker)', value: renders.requestsPerSecond, unit: 'PDF/s' });
    figures.push({ name: '/health p99 meanwhile (rendering)', value: renderHealth.latencyP99, unit: 'ms', target: { kind: 'value-below', value: 20, text: '< 20 ms' } });
    return figures;
  },
};
