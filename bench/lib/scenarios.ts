import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { withUsccCheck } from '@app/agencies';
import { withClient } from './bench-database';
import { trendsPage } from './trends-page-scenario';
import { certificatesAndHealth } from './certificate-scenario';
import { COMPLAINT_LISTS, MODULE_SCENARIO_LIST } from './module-scenarios';
import { load, LoadResult, peakResidentMb, percentile, residentMb, Server } from './processes';
import { Figure } from './report';
import { Scenario, signIn } from './scenario';

export { BenchContext, Scenario } from './scenario';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);

/** The metrics token the benchmark's API is started with (bench/run.ts). */
export const BENCH_METRICS_TOKEN = 'benchmark-metrics-token-benchmark-metrics-token';

/** The API's garbage-collection seconds so far (prom-client's GC histogram) and its CPU seconds (/proc). */
async function gcAndCpuSeconds(api: Server): Promise<{ gc: number; cpu: number }> {
  const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })).text();
  const gc = [...text.matchAll(/^registry_nodejs_gc_duration_seconds_sum\{[^}]*\} ([\d.e+-]+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  const fields = readFileSync(`/proc/${api.process.pid as number}/stat`, 'utf8').split(') ')[1].split(' ');
  return { gc, cpu: (Number(fields[11]) + Number(fields[12])) / 100 };
}

async function sampleLicenceNumbers(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) =>
    ((await client.query(`SELECT licence_number FROM licences ORDER BY md5(licence_number) LIMIT 2000`)).rows as { licence_number: string }[]).map((r) => `/api/public/licences/${r.licence_number}`),
  );
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Loads the servers in turns, ROUNDS times DURATION/ROUNDS seconds each, and gives each one's
 * median round: on a machine that others share, load comes and goes, and turns spread it over both.
 */
async function sideBySide(servers: Server[], config: Omit<Parameters<typeof load>[0], 'url' | 'duration'>): Promise<LoadResult[]> {
  const rounds: LoadResult[][] = servers.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, server] of servers.entries()) rounds[i].push(await load({ ...config, url: server.url, duration: Math.max(1, Math.round(DURATION / ROUNDS)) }));
  }
  const median = (results: LoadResult[], pick: (r: LoadResult) => number) => percentile(results.map(pick), 50);
  return rounds.map((results) => ({
    ...results[0],
    requestsPerSecond: median(results, (r) => r.requestsPerSecond),
    latencyP50: median(results, (r) => r.latencyP50),
    latencyP99: median(results, (r) => r.latencyP99),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
  }));
}

/** Checks that the raw server answers a path with the API's JSON, so the two do the same work. */
async function checkSameAnswer(api: Server, raw: Server, path: string, headers: Record<string, string> = {}): Promise<void> {
  const [ours, theirs] = await Promise.all([api, raw].map(async (server) => (await fetch(server.url + path, { headers })).json()));
  if (!isDeepStrictEqual(ours, theirs)) console.warn(`  the raw server's answer to ${path} differs from the API's: the comparison is not like for like`);
}

/** Public verification: the API against the raw Fastify + pg server, same run, same look-ups. */
const verification: Scenario = {
  name: 'public licence verification, 50 connections',
  async run({ api, raw, databaseUrl }) {
    const paths = await sampleLicenceNumbers(databaseUrl);
    await checkSameAnswer(api, raw, paths[0]);
    // Warm both (JIT, connection pools, PostgreSQL caches) before measuring.
    await load({ url: api.url, paths, connections: 50, duration: 3 });
    await load({ url: raw.url, paths, connections: 50, duration: 3 });
    const [ours, baseline] = await sideBySide([api, raw], { paths, connections: 50 });
    if (ours.non2xx || ours.errors) console.warn(`  verification: ${ours.non2xx} non-2xx, ${ours.errors} errors`);
    return [
      { name: 'verification throughput', value: ours.requestsPerSecond, unit: 'req/s', baseline: { name: 'raw', value: baseline.requestsPerSecond }, target: { kind: 'ratio-at-least', value: 1.5, text: '>= 1.5x raw' } },
      { name: 'verification p99', value: ours.latencyP99, unit: 'ms', baseline: { name: 'raw', value: baseline.latencyP99 }, target: { kind: 'ratio-at-most', value: 1, text: '<= raw' } },
    ];
  },
};

/** Signed-in, scoped lists at 20 connections, each against the raw server running the same SQL. */
const scopedLists: Scenario = {
  name: 'signed-in scoped lists, 20 connections',
  async run({ api, raw, password }) {
    const token = await signIn(api, 'bench-fujian', password);
    const headers = { authorization: `Bearer ${token}` };
    const figures: Figure[] = [];
    const lists: [string, string[]][] = [
      ['licences of a province', ['/api/licences?limit=50']],
      ['licences, status + expiry filter', ['/api/licences?limit=50&status=active&expiringBefore=2027-06-30']],
      ['agencies of a province, name search', ['/api/agencies?limit=50&name=Services%2012345', '/api/agencies?limit=50&name=%E6%9C%8D%E5%8A%A1%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B82345']],
      ...EXTRA_LISTS,
    ];
    const before = await gcAndCpuSeconds(api);
    let rss = 0;
    for (const [name, paths] of lists) {
      for (const path of paths) await checkSameAnswer(api, raw, path, headers);
      await load({ url: api.url, paths, connections: 20, duration: 2, headers });
      await load({ url: raw.url, paths, connections: 20, duration: 2, headers });
      const [ours, baseline] = await sideBySide([api, raw], { paths, connections: 20, headers });
      if (ours.non2xx || baseline.non2xx) console.warn(`  ${name}: ${ours.non2xx} non-2xx answers from the API, ${baseline.non2xx} from raw`);
      figures.push({ name: `${name} throughput`, value: ours.requestsPerSecond, unit: 'req/s', baseline: { name: 'raw', value: baseline.requestsPerSecond }, target: { kind: 'ratio-at-least', value: 0.9, text: '>= 0.9x raw' } });
      figures.push({ name: `${name} p50`, value: ours.latencyP50, unit: 'ms', baseline: { name: 'raw', value: baseline.latencyP50 } });
      figures.push({ name: `${name} p99`, value: ours.latencyP99, unit: 'ms', baseline: { name: 'raw', value: baseline.latencyP99 }, target: { kind: 'value-below', value: 50, text: '< 50 ms' } });
      rss = Math.max(rss, residentMb(api.process.pid as number));
    }
    const after = await gcAndCpuSeconds(api);
    figures.push({ name: 'API GC share of its CPU under the lists', value: (100 * (after.gc - before.gc)) / (after.cpu - before.cpu), unit: '%' });
    figures.push({ name: 'API resident memory after each list', value: rss, unit: 'MB', target: { kind: 'value-below', value: 300, text: '<= 300 MB' } });
    return figures;
  },
};

/** More scoped lists, added by the modules that own them (complaints with filters). */
const EXTRA_LISTS: [string, string[]][] = COMPLAINT_LISTS;

/** CSV import of 100,000 agencies through the API. */
const csvImport: Scenario = {
  name: 'CSV import of 100,000 agencies',
  async run({ api, databaseUrl, password }) {
    await withClient(databaseUrl, (c) => c.query(`DELETE FROM agencies WHERE name_en LIKE 'Import bench %'`));
    const header = 'uscc,name_zh,name_en,legal_representative,address,jurisdiction_code,agency_type';
    const cities = ['350100', '350200', '350500', '350600'];
    const rows = Array.from({ length: 100_000 }, (_, i) => {
      const city = cities[i % cities.length];
      return `${withUsccCheck(`92${city}${String(1_000_000_000 + i).slice(1)}`)},导入测试公司${i},Import bench ${i},王某,某路${i}号,${city},domestic_placement`;
    });
    const token = await signIn(api, 'bench-fujian', password);
    const started = Date.now();
    const response = await fetch(`${api.url}/api/agencies/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: [header, ...rows].join('\n') });
    const seconds = (Date.now() - started) / 1000;
    if (!response.ok) throw new Error(`import failed: ${response.status} ${(await response.text()).slice(0, 500)}`);
    // Leave the register as generated, for the next run.
    await withClient(databaseUrl, (c) => c.query(`DELETE FROM agencies WHERE name_en LIKE 'Import bench %'`));
    return [{ name: 'CSV import, 100,000 agencies', value: seconds, unit: 's', target: { kind: 'value-below', value: 30, text: '< 30 s' } }];
  },
};


/** Peak resident memory of the API through the load scenarios (VmHWM). */
const memory: Scenario = {
  name: 'API peak resident memory under load',
  async run({ api }) {
    return [{ name: 'API peak resident memory under load', value: peakResidentMb(api.process.pid as number), unit: 'MB', target: { kind: 'value-below', value: 300, text: '< 300 MB' } }];
  },
};

/** The same after a 100,000-row import (a large request by design, reported apart). */
const memoryAfterImport: Scenario = {
  name: 'API peak resident memory with the import',
  async run({ api }) {
    return [{ name: 'API peak resident memory incl. 100,000-row import', value: peakResidentMb(api.process.pid as number), unit: 'MB' }];
  },
};

export const SCENARIOS: Scenario[] = [verification, scopedLists, ...MODULE_SCENARIO_LIST, trendsPage, memory, certificatesAndHealth, csvImport, memoryAfterImport];
