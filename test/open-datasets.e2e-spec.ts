import { parse } from 'csv-parse/sync';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OpenDatasetsJob } from '@app/open-data';
import { seedWorld, signInAll, World } from './support/fixtures';
import { insertLicence } from './support/licence-fixtures';
import { decidedSuspension } from './support/sanction-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Shanghai: a working day (the sanction fixture serves a notice). */
const MONDAY = '2026-03-02T02:00:00.000Z';
const DATASET_LIMIT = 40;
const LICENCE_COLUMNS = ['licence_number', 'status', 'licence_type', 'scope_activities', 'destination_countries', 'valid_from', 'expires_on', 'suspended_until', 'agency_name_zh', 'agency_name_en', 'uscc', 'city_code', 'city_name_zh', 'city_name_en', 'credit_grade'];

type Row = Record<string, unknown>;

describe('open datasets', () => {
  let t: TestApp;
  let world: World;
  let as: Record<string, string>;
  let active: { id: string; licenceNumber: string };

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_DATASETS_PER_MINUTE: String(DATASET_LIMIT), OPEN_DATA_LICENCE: 'CC BY 4.0 (test)' } });
    t.clock.set(MONDAY);
    world = await seedWorld(t);
    as = await signInAll(t);
    active = await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen });
    await insertLicence(t, { agencyId: world.agencies.xiamen, bureauId: world.bureaus.xiamen, licenceType: 'human_resources_service', status: 'expired', validFrom: '2019-01-01', expiresOn: '2024-01-01' });
    await insertLicence(t, { agencyId: world.agencies.shenyang, bureauId: world.bureaus.liaoning });
    await t.db.query(`INSERT INTO agency_credit_grades (agency_id, grade, points, grade_since, computed_at) VALUES ($1, 'B', 3, '2026-01-01', now())`, [world.agencies.xiamen]);
    await decidedSuspension(t, world, as);
  });
  afterAll(() => t.close());

  const download = (file: string, headers: Record<string, string> = {}) => {
    const call = t.http().get(`/api/public/datasets/${file}`);
    for (const [name, value] of Object.entries(headers)) void call.set(name, value);
    return call;
  };
  const jsonRows = async (name: string) => (await download(`${name}.json`).expect(200)).body as Row[];
  const csvRows = async (name: string) => parse((await download(`${name}.csv`).expect(200)).text, { columns: true, bom: true }) as Record<string, string>[];
  const publicRegister = async () => {
    const licences: { licenceNumber: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = (await t.http().get(`/api/public/agencies?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as { items: { licences: { licenceNumber: string; status: string }[] }[]; nextCursor: string | null };
      licences.push(...page.items.flatMap((a) => a.licences.map(({ licenceNumber, status }) => ({ licenceNumber, status }))));
      cursor = page.nextCursor;
    } while (cursor);
    return licences.sort((a, b) => a.licenceNumber.localeCompare(b.licenceNumber));
  };

  it('lists the datasets with titles in both languages, the licence of reuse, row counts, file URLs and a data dictionary', async () => {
    const response = await t.http().get('/api/public/datasets').expect(200);
    const [{ count }] = (await t.db.query(`SELECT count(*)::int AS count FROM licences`)) as { count: number }[];
    const [licences, sanctions] = response.body.items as Row[];
    expect(licences).toMatchObject({ name: 'licences', licence: 'CC BY 4.0 (test)', rowCount: count, titleZh: expect.stringMatching(/许可证/), titleEn: expect.stringMatching(/licences/) });
    expect(sanctions).toMatchObject({ name: 'sanctions', rowCount: 1, licence: 'CC BY 4.0 (test)' });
    expect(licences.descriptionZh).toEqual(expect.any(String));
    expect(licences.descriptionEn).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(licences.updatedAt as string))).toBe(false);
    expect(licences.formats).toEqual([
      { format: 'csv', mediaType: 'text/csv', url: '/api/public/datasets/licences.csv' },
      { format: 'json', mediaType: 'application/json', url: '/api/public/datasets/licences.json' },
    ]);
    const columns = licences.columns as { name: string; descriptionZh: string; descriptionEn: string }[];
    expect(columns.map((c) => c.name)).toEqual(LICENCE_COLUMNS);
    for (const column of [...columns, ...(sanctions.columns as typeof columns)]) {
      expect(column.descriptionZh.length).toBeGreaterThan(0);
      expect(column.descriptionEn.length).toBeGreaterThan(0);
    }
  });

  it('serves the whole public register as JSON and as the same CSV, with public fields only', async () => {
    const json = await jsonRows('licences');
    const csv = await csvRows('licences');
    const register = await publicRegister();
    expect(json.map((r) => ({ licenceNumber: r.licence_number, status: r.status }))).toEqual(register);
    expect(json.length).toBe(4);
    for (const row of json) expect(Object.keys(row)).toEqual(LICENCE_COLUMNS);
    // The CSV has the same rows: lists joined by semicolons, empty for null.
    expect(csv).toEqual(json.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Array.isArray(value) ? value.join(';') : value === null ? '' : String(value)]))));
    const xiamen = json.find((r) => r.licence_number === active.licenceNumber);
    expect(xiamen).toMatchObject({ status: 'active', credit_grade: 'B', city_code: '350200', agency_name_zh: '厦门鹭岛劳务合作有限公司', destination_countries: ['SG'], scope_activities: ['overseas_placement'] });
    const text = JSON.stringify(json);
    for (const secret of ['office@example.cn', '张三', '某路1号']) expect(text).not.toContain(secret);
  });

  it('serves the published sanctions as on the public sanctions list', async () => {
    const list = (await t.http().get('/api/public/sanctions').expect(200)).body.items as { caseNumber: string; agencyUscc: string; sanction: string; summaryZh: string; licenceNumbers: string[]; suspensionDays: number }[];
    const json = await jsonRows('sanctions');
    expect(json.map((r) => ({ caseNumber: r.case_number, agencyUscc: r.agency_uscc, sanction: r.sanction, summaryZh: r.summary_zh, licenceNumbers: r.licence_numbers, suspensionDays: r.suspension_days }))).toEqual(
      list.map(({ caseNumber, agencyUscc, sanction, summaryZh, licenceNumbers, suspensionDays }) => ({ caseNumber, agencyUscc, sanction, summaryZh, licenceNumbers, suspensionDays })),
    );
    const csv = await csvRows('sanctions');
    expect(csv.map((r) => r.case_number)).toEqual(json.map((r) => r.case_number));
    expect(JSON.stringify(json)).not.toContain('passports of 12 workers');
  });

  it('answers 304 to a repeated request with its ETag or its Last-Modified, with no body', async () => {
    const first = await download('licences.csv').expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/csv/);
    expect(first.headers['etag']).toMatch(/^"licences-\d+-[0-9a-f]+-csv"$/);
    const json = await download('licences.json').expect(200);
    expect(json.headers['etag']).not.toBe(first.headers['etag']);
    const again = await download('licences.csv', { 'if-none-match': first.headers['etag'] }).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers['etag']).toBe(first.headers['etag']);
    await download('licences.csv', { 'if-modified-since': first.headers['last-modified'] }).expect(304);
    await download('licences.csv', { 'if-none-match': '"something-else"' }).expect(200);
    await download('licences.csv', { 'if-modified-since': new Date(Date.parse(first.headers['last-modified']) - 1000).toUTCString() }).expect(200);
  });

  it('changes the ETag and the data when a licence is suspended, and not when nothing changed', async () => {
    const before = await download('licences.json').expect(200);
    await t.app.get(OpenDatasetsJob).run();
    await download('licences.json', { 'if-none-match': before.headers['etag'] }).expect(304);
    await t.http().post(`/api/licences/${active.id}/suspend`).set('authorization', as['fj-admin']).send({ reason: 'fees charged', until: '2026-04-01' }).expect(200);
    const after = await download('licences.json', { 'if-none-match': before.headers['etag'] }).expect(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(Date.parse(after.headers['last-modified'])).toBeGreaterThanOrEqual(Date.parse(before.headers['last-modified']));
    expect((after.body as Row[]).find((r) => r.licence_number === active.licenceNumber)).toMatchObject({ status: 'suspended', suspended_until: '2026-04-01' });
  });

  it('catches a change no event announces (a credit grade) at the nightly job', async () => {
    const before = await download('licences.csv').expect(200);
    await t.db.query(`UPDATE agency_credit_grades SET grade = 'C' WHERE agency_id = $1`, [world.agencies.xiamen]);
    await download('licences.csv', { 'if-none-match': before.headers['etag'] }).expect(304);
    expect(await t.app.get(OpenDatasetsJob).run()).toEqual({ datasets: 2, changed: 1 });
    await download('licences.csv', { 'if-none-match': before.headers['etag'] }).expect(200);
  });

  it('answers 404 for an unknown dataset or format', async () => {
    await download('agencies.csv').expect(404);
    await download('licences.xml').expect(404);
  });

  it('streams 100,000 rows in bounded memory', async () => {
    await t.db.query(
      `INSERT INTO licences (licence_number, agency_id, jurisdiction_code, licence_type, scope, issued_by_bureau_id, status, valid_from, expires_on)
       SELECT '888888-2026-' || lpad(g::text, 6, '0'), $1, '350200', 'overseas_employment', '{"activities":["overseas_placement"],"destinationCountries":["SG","MY"]}', $2, 'active', '2025-01-01', '2030-01-01'
         FROM generate_series(1, 100000) g`,
      [world.agencies.xiamen, world.bureaus.xiamen],
    );
    await t.app.get(OpenDatasetsJob).run();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // What stays alive while streaming, not garbage waiting for a collection: collect, then measure.
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      let samples = 0;
      // Measured at a quarter, half and three quarters of the rows: a few full collections, not a timer's many.
      const sample = () => {
        gc();
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
        samples += 1;
      };
      const { bytes, lines } = await new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/api/public/datasets/licences.csv' }, (response) => {
          let bytes = 0;
          let lines = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            const before = lines;
            for (const byte of chunk) if (byte === 10) lines += 1;
            if (Math.floor(before / 25_000) !== Math.floor(lines / 25_000) && lines < 100_000) sample();
          });
          response.on('end', () => resolve({ bytes, lines }));
          response.on('error', reject);
        }).on('error', reject);
      });
      const heapMb = (peakHeap - base.heapUsed) / 2 ** 20;
      const rssMb = (peakRss - base.rss) / 2 ** 20;
      console.log(`licences.csv: ${lines - 1} rows, ${(bytes / 2 ** 20).toFixed(1)} MB; live heap after GC peaked at +${heapMb.toFixed(1)} MB, RSS at +${rssMb.toFixed(1)} MB (${samples} samples)`);
      expect(lines).toBe(1 + 100_004);
      expect(samples).toBe(3);
      // Built in memory, the file alone would stay alive: 18 MB of bytes, twice that as a JS string.
      expect(heapMb).toBeLessThan(8);
      // RSS holds the garbage between collections too (server and this client share the process): only a loose bound.
      expect(rssMb).toBeLessThan(256);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 300_000);

  it('has its own rate limit, apart from the public lists’ (429 with Retry-After)', async () => {
    const etag = (await download('sanctions.csv')).headers['etag'];
    let refused: { headers: Record<string, string>; body: { status: number } } | undefined;
    for (let i = 0; i <= DATASET_LIMIT && !refused; i += 1) {
      const response = await download('sanctions.csv', { 'if-none-match': etag });
      if (response.status === 429) refused = response as never;
      else expect(response.status).toBe(304);
    }
    expect(refused?.body.status).toBe(429);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    await t.http().get('/api/public/agencies').expect(200);
  });
});
